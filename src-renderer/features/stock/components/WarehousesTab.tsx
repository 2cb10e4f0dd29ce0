import { Badge, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBuildingWarehouse, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Warehouse } from '../../../../src-main/domain/stock/stock.dto';
import { api } from '../../../api/client';
import { notifyError, showFormError } from '../../../api/hooks';
import { describeIssue } from '../../../api/issues';
import { DataTable, type Column } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { FormActions } from '../../../components/FormActions';
import { useCan } from '../../auth/current-user';

interface Values {
  code: string;
  name: string;
  address: string;
  isDefault: boolean;
}

function WarehouseModal({ warehouse, opened, onClose }: { warehouse: Warehouse | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: { code: warehouse?.code ?? '', name: warehouse?.name ?? '', address: warehouse?.address ?? '', isDefault: warehouse?.isDefault ?? false },
    validate: { code: (v) => (v.trim() ? null : describeIssue({ code: 'required' })), name: (v) => (v.trim() ? null : describeIssue({ code: 'required' })) },
  });
  async function submit(values: Values) {
    setBusy(true);
    try {
      if (warehouse) await api.stock.updateWarehouse({ id: warehouse.id, ...values });
      else await api.stock.createWarehouse(values);
      notifications.show({ color: 'teal', message: t('stock.warehouses.saved') });
      onClose();
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={warehouse ? t('stock.warehouses.edit') : t('stock.warehouses.add')}>
      <form onSubmit={form.onSubmit((v) => void submit(v))}>
        <Stack gap="sm">
          <TextInput label={t('stock.field.warehouseCode')} withAsterisk data-autofocus {...form.getInputProps('code')} />
          <TextInput label={t('stock.field.warehouseName')} withAsterisk {...form.getInputProps('name')} />
          <TextInput label={t('stock.field.address')} {...form.getInputProps('address')} />
          <Checkbox label={t('stock.field.isDefault')} {...form.getInputProps('isDefault', { type: 'checkbox' })} />
        </Stack>
        <FormActions onCancel={onClose} busy={busy} mt="md" />
      </form>
    </Modal>
  );
}

/** 仓库: several warehouses, exactly one the default; archived once no longer used. */
export function WarehousesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const write = can('stock.write');
  const [editing, setEditing] = useState<Warehouse | null | undefined>(undefined);
  const toggle = async (w: Warehouse) => {
    try {
      if (w.status === 'active') await api.stock.archiveWarehouse({ id: w.id });
      else await api.stock.restoreWarehouse({ id: w.id });
    } catch (error) {
      notifyError(error);
    }
  };
  const columns: Column<Warehouse>[] = [
    { key: 'code', header: t('stock.field.warehouseCode'), render: (w) => w.code, nowrap: true },
    {
      key: 'name',
      header: t('stock.field.warehouseName'),
      render: (w) => (
        <Group gap={6}>
          {w.name}
          {w.isDefault && <Badge variant="light">{t('stock.field.isDefault')}</Badge>}
        </Group>
      ),
    },
    { key: 'address', header: t('stock.field.address'), render: (w) => w.address ?? '' },
    { key: 'status', header: t('stock.field.status'), render: (w) => <Badge color={w.status === 'active' ? 'teal' : 'gray'} variant="light">{t(`stock.warehouses.${w.status}`)}</Badge> },
    ...(write
      ? [
          {
            key: 'actions',
            header: '',
            render: (w: Warehouse) => (
              <Button size="compact-xs" variant="subtle" onClick={(e) => (e.stopPropagation(), void toggle(w))}>
                {w.status === 'active' ? t('stock.warehouses.archive') : t('stock.warehouses.restore')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const add = write && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="add-warehouse">
      {t('stock.warehouses.add')}
    </Button>
  );
  return (
    <>
      <Group justify="flex-end" mb="sm">
        {add}
      </Group>
      <DataTable
        queryKey={['stock', 'warehouses', 'table']}
        fetchPage={async () => {
          const rows = await api.stock.listWarehouses({ includeArchived: true });
          return { rows, total: rows.length };
        }}
        columns={columns}
        rowKey={(w) => w.id}
        onRowClick={write ? setEditing : undefined}
        empty={<EmptyState icon={<IconBuildingWarehouse size={30} />} title={t('stock.warehouses.emptyTitle')} text={t('stock.warehouses.emptyText')} action={add} />}
      />
      {editing !== undefined && <WarehouseModal key={editing?.id ?? 'new'} warehouse={editing} opened onClose={() => setEditing(undefined)} />}
    </>
  );
}
