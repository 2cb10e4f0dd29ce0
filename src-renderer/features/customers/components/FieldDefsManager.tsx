import { Badge, Button, Group, Modal, NumberInput, Select, Stack, Switch, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersContract } from '../../../../src-main/domain/customers/customers.contract';
import { CUSTOM_FIELD_TYPES, type CustomFieldDef, type CustomFieldType } from '../../../../src-main/domain/customers/customers.dto';
import { api } from '../../../api/client';
import { ContractForm, useContractForm } from '../../../components/form/contract-form';
import { useCan } from '../../auth/current-user';
import { useFieldDefs } from '../customers.queries';

interface DefValues {
  id?: string;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  sortOrder: number;
  active: boolean;
}

const EMPTY: DefValues = { key: '', label: '', type: 'text', options: [], sortOrder: 0, active: true };

function DefForm({ initial, onDone }: { initial: DefValues; onDone: () => void }) {
  const { t } = useTranslation();
  const editor = useContractForm({ initialValues: initial, schema: customersContract['customers.saveFieldDef'].input, save: (values) => api.customers.saveFieldDef(values), onSaved: onDone });
  const { form } = editor;
  const editing = !!initial.id;
  return (
    <ContractForm editor={editor} onCancel={onDone}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label={t('customers.fields.label')} withAsterisk {...form.getInputProps('label')} />
          <TextInput label={t('customers.fields.key')} description={t('customers.fields.keyHelp')} inputWrapperOrder={['label', 'input', 'description', 'error']} withAsterisk disabled={editing} ff="monospace" {...form.getInputProps('key')} />
        </Group>
        <Group grow align="flex-start">
          <Select label={t('customers.fields.type')} allowDeselect={false} data={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: t(`customers.fieldType.${type}`) }))} {...form.getInputProps('type')} />
          <NumberInput label={t('customers.fields.sortOrder')} allowDecimal={false} {...form.getInputProps('sortOrder')} />
        </Group>
        {form.getValues().type === 'choice' && <TagsInput label={t('customers.fields.options')} placeholder={t('customers.fields.optionsPlaceholder')} {...form.getInputProps('options')} />}
        <Switch label={t('customers.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
      </Stack>
    </ContractForm>
  );
}

/** Custom fields of the customer record (text, number, date, choice); only the owner may change them. */
export function FieldDefsManager({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const defs = useFieldDefs(true);
  const [editing, setEditing] = useState<DefValues | null>(null);
  const mayEdit = can('settings.manage');
  const toValues = (d: CustomFieldDef): DefValues => ({ id: d.id, key: d.key, label: d.label, type: d.type, options: d.options, sortOrder: d.sortOrder, active: d.active });

  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.fields.title')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('customers.fields.help')}
        </Text>
        {editing ? (
          <DefForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} />
        ) : (
          <>
            {(defs.data ?? []).length === 0 ? (
              <Text size="sm">{t('customers.fields.empty')}</Text>
            ) : (
              <Table verticalSpacing={4} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('customers.fields.label')}</Table.Th>
                    <Table.Th>{t('customers.fields.key')}</Table.Th>
                    <Table.Th>{t('customers.fields.type')}</Table.Th>
                    <Table.Th>{t('customers.fields.options')}</Table.Th>
                    <Table.Th>{t('common.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {defs.data!.map((d) => (
                    <Table.Tr key={d.id} style={mayEdit ? { cursor: 'pointer' } : undefined} onClick={mayEdit ? () => setEditing(toValues(d)) : undefined}>
                      <Table.Td>{d.label}</Table.Td>
                      <Table.Td ff="monospace">{d.key}</Table.Td>
                      <Table.Td>{t(`customers.fieldType.${d.type}`)}</Table.Td>
                      <Table.Td>{d.options.join(' / ')}</Table.Td>
                      <Table.Td>
                        <Badge color={d.active ? 'teal' : 'gray'} variant="light">
                          {d.active ? t('common.active') : t('common.disabled')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group justify="space-between">
              {mayEdit ? (
                <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing(EMPTY)}>
                  {t('customers.fields.add')}
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('customers.fields.noPermission')}
                </Text>
              )}
              <Button variant="default" onClick={onClose}>
                {t('common.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

