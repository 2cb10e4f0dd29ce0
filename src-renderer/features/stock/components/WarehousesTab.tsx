import { Badge, Button, Center, Checkbox, Group, Loader, Modal, Stack, Table, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingWarehouse, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockContract } from '../../../../src-main/domain/stock/stock.contract';
import type { Warehouse } from '../../../../src-main/domain/stock/stock.dto';
import { api } from '../../../api/client';
import { notifyError } from '../../../api/hooks';
import { EmptyState } from '../../../components/EmptyState';
import { ContractForm, useContractForm } from '../../../components/form/contract-form';
import { LoadFailed } from '../../../components/LoadFailed';
import { useCan } from '../../auth/current-user';
import { useWarehouses } from '../stock.queries';
import { shortcutTarget } from '../../../components/shortcut-targets';

function WarehouseForm({ warehouse, onClose }: { warehouse: Warehouse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const editor = useContractForm({
    initialValues: { code: warehouse?.code ?? '', name: warehouse?.name ?? '', address: warehouse?.address ?? '', isDefault: warehouse?.isDefault ?? false },
    schema: stockContract['stock.createWarehouse'].input,
    save: (values) => (warehouse ? api.stock.updateWarehouse({ id: warehouse.id, ...values }) : api.stock.createWarehouse(values)),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('stock.warehouses.saved') });
      onClose();
    },
  });
  const { form } = editor;
  return (
    <ContractForm editor={editor} onCancel={onClose} saveTestId="warehouse-save">
      <Stack gap="sm">
        <TextInput label={t('stock.field.warehouseCode')} withAsterisk data-autofocus {...form.getInputProps('code')} />
        <TextInput label={t('stock.field.warehouseName')} withAsterisk {...form.getInputProps('name')} />
        <TextInput label={t('stock.field.address')} {...form.getInputProps('address')} />
        <Checkbox label={t('stock.field.isDefault')} {...form.getInputProps('isDefault', { type: 'checkbox' })} />
      </Stack>
    </ContractForm>
  );
}

/** 仓库: several warehouses, exactly one the default; archived once no longer used. A company has a handful, so no paging. */
export function WarehousesTab() {
  const { t } = useTranslation();
  const write = useCan()('stock.write');
  const warehouses = useWarehouses(true);
  const [editing, setEditing] = useState<Warehouse | null | undefined>(undefined);
  const toggle = async (w: Warehouse) => {
    try {
      if (w.status === 'active') await api.stock.archiveWarehouse({ id: w.id });
      else await api.stock.restoreWarehouse({ id: w.id });
    } catch (error) {
      notifyError(error);
    }
  };
  const add = write && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="add-warehouse" {...shortcutTarget('create')}>
      {t('stock.warehouses.add')}
    </Button>
  );
  if (warehouses.isError) return <LoadFailed error={warehouses.error} onRetry={() => void warehouses.refetch()} />;
  if (!warehouses.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  return (
    <>
      <Group justify="flex-end" mb="sm">
        {add}
      </Group>
      {warehouses.data.length === 0 ? (
        <EmptyState icon={<IconBuildingWarehouse size={30} />} title={t('stock.warehouses.emptyTitle')} text={t('stock.warehouses.emptyText')} action={add} />
      ) : (
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="data-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stock.field.warehouseCode')}</Table.Th>
              <Table.Th>{t('stock.field.warehouseName')}</Table.Th>
              <Table.Th>{t('stock.field.address')}</Table.Th>
              <Table.Th>{t('stock.field.status')}</Table.Th>
              {write && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {warehouses.data.map((w) => (
              <Table.Tr key={w.id} onClick={write ? () => setEditing(w) : undefined} style={write ? { cursor: 'pointer' } : undefined}>
                <Table.Td>{w.code}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {w.name}
                    {w.isDefault && <Badge variant="light">{t('stock.field.isDefault')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{w.address ?? ''}</Table.Td>
                <Table.Td>
                  <Badge color={w.status === 'active' ? 'teal' : 'gray'} variant="light">
                    {t(`stock.warehouses.${w.status}`)}
                  </Badge>
                </Table.Td>
                {write && (
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" onClick={(e) => (e.stopPropagation(), void toggle(w))}>
                      {w.status === 'active' ? t('stock.warehouses.archive') : t('stock.warehouses.restore')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? t('stock.warehouses.edit') : t('stock.warehouses.add')}>
        {editing !== undefined && <WarehouseForm key={editing?.id ?? 'new'} warehouse={editing} onClose={() => setEditing(undefined)} />}
      </Modal>
    </>
  );
}
