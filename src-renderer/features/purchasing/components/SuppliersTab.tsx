import { Badge, Button, Grid, Group, Modal, NumberInput, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch, IconTruck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { purchasingContract } from '../../../../src-main/domain/purchasing/purchasing.contract';
import type { Supplier } from '../../../../src-main/domain/purchasing/purchasing.dto';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { ContractForm, useContractForm } from '../../../components/form/contract-form';
import { useCan } from '../../auth/current-user';
import { shortcutTarget } from '../../../components/shortcut-targets';

type Values = Pick<Supplier, 'code' | 'name' | 'paymentTermsDays' | 'leadTimeDays'> & Record<'contactName' | 'mobile' | 'phone' | 'email' | 'address' | 'notes', string>;

function SupplierForm({ supplier, onClose }: { supplier: Supplier | null; onClose: () => void }) {
  const { t } = useTranslation();
  const editor = useContractForm({
    initialValues: {
      code: supplier?.code ?? '',
      name: supplier?.name ?? '',
      contactName: supplier?.contactName ?? '',
      mobile: supplier?.mobile ?? '',
      phone: supplier?.phone ?? '',
      email: supplier?.email ?? '',
      address: supplier?.address ?? '',
      paymentTermsDays: supplier?.paymentTermsDays ?? 30,
      leadTimeDays: supplier?.leadTimeDays ?? 7,
      notes: supplier?.notes ?? '',
    } satisfies Values,
    schema: purchasingContract['purchasing.createSupplier'].input,
    save: (values) => (supplier ? api.purchasing.updateSupplier({ id: supplier.id, ...values }) : api.purchasing.createSupplier(values)),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('purchasing.suppliers.saved') });
      onClose();
    },
  });
  const { form } = editor;
  const field = (key: keyof Values, span = 6, required = false) => (
    <Grid.Col span={span}>
      <TextInput label={t(`purchasing.field.${key}`)} withAsterisk={required} {...form.getInputProps(key)} />
    </Grid.Col>
  );
  return (
    <ContractForm editor={editor} onCancel={onClose} saveTestId="supplier-save">
      <Grid gutter="sm">
        {field('code', 4, true)}
        {field('name', 8, true)}
        {field('contactName', 4)}
        {field('mobile', 4)}
        {field('phone', 4)}
        {field('email')}
        <Grid.Col span={3}>
          <NumberInput label={t('purchasing.field.paymentTermsDays')} min={0} max={365} allowDecimal={false} {...form.getInputProps('paymentTermsDays')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <NumberInput label={t('purchasing.field.leadTimeDays')} min={0} max={365} allowDecimal={false} {...form.getInputProps('leadTimeDays')} />
        </Grid.Col>
        {field('address', 12)}
        <Grid.Col span={12}>
          <Textarea label={t('purchasing.field.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        </Grid.Col>
      </Grid>
    </ContractForm>
  );
}

/** 供应商: a simple record, found by code, name or pinyin initials. */
export function SuppliersTab() {
  const { t } = useTranslation();
  const write = useCan()('purchasing.write');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [editing, setEditing] = useState<Supplier | null | undefined>(undefined);
  const columns: Column<Supplier>[] = [
    { key: 'code', header: t('purchasing.field.code'), render: (s) => s.code, nowrap: true },
    { key: 'name', header: t('purchasing.field.name'), render: (s) => <Text size="sm" fw={500}>{s.name}</Text> },
    { key: 'contact', header: t('purchasing.field.contactName'), render: (s) => s.contactName ?? '', nowrap: true },
    { key: 'mobile', header: t('purchasing.field.mobile'), render: (s) => s.mobile ?? s.phone ?? '', nowrap: true },
    { key: 'terms', header: t('purchasing.field.paymentTermsDays'), align: 'right', render: (s) => String(s.paymentTermsDays) },
    { key: 'lead', header: t('purchasing.field.leadTimeDays'), align: 'right', render: (s) => String(s.leadTimeDays) },
    { key: 'status', header: '', render: (s) => (s.status === 'archived' ? <Badge color="gray" variant="light">{t('purchasing.suppliers.archive')}</Badge> : null) },
  ];
  const add = write && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="add-supplier" {...shortcutTarget('create')}>
      {t('purchasing.suppliers.add')}
    </Button>
  );
  return (
    <>
      <Group justify="space-between" mb="sm">
        <TextInput leftSection={<IconSearch size={16} />} placeholder={t('purchasing.suppliers.searchPlaceholder')} {...shortcutTarget('search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} />
        {add}
      </Group>
      <DataTable
        countWords="purchasing.suppliers"
        method="purchasing.listSuppliers"
        input={q ? { q } : {}}
        columns={columns}
        rowKey={(s) => s.id}
        onRowClick={write ? setEditing : undefined}
        onExport={async (jobId) => saveExport(await api.exports.suppliers({ ...(q ? { q } : {}), format: 'xlsx', language: exportLanguage(), jobId }))}
        empty={<EmptyState icon={<IconTruck size={30} />} title={t('purchasing.suppliers.emptyTitle')} text={t('purchasing.suppliers.emptyText')} action={add} />}
      />
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? t('purchasing.suppliers.edit') : t('purchasing.suppliers.add')} size="lg">
        {editing !== undefined && <SupplierForm key={editing?.id ?? 'new'} supplier={editing} onClose={() => setEditing(undefined)} />}
      </Modal>
    </>
  );
}
