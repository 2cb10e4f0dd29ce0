import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsRightLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductPick, TransferRow } from '../../../../src-main/domain/stock/stock.dto';
import { api } from '../../../api/client';
import { fieldErrors, notifyError } from '../../../api/hooks';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { FormActions, FormActionsContext } from '../../../components/form/FormActions';
import { useCan } from '../../auth/current-user';
import { useWarehouseOptions } from '../stock.queries';
import { ProductPicker } from './ProductPicker';
import { shortcutTarget } from '../../../components/shortcut-targets';

interface Line {
  product: ProductPick | null;
  quantity: number | string;
}

function TransferModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const warehouses = useWarehouseOptions();
  const [from, setFrom] = useState<string | null>(warehouses[0]?.value ?? null);
  const [to, setTo] = useState<string | null>(warehouses[1]?.value ?? null);
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<Line[]>([{ product: null, quantity: 1 }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    try {
      await api.stock.createTransfer({
        fromWarehouseId: from ?? '',
        toWarehouseId: to ?? '',
        notes,
        lines: lines.filter((l) => l.product).map((l) => ({ productId: l.product!.id, quantity: Number(l.quantity) })),
      });
      notifications.show({ color: 'teal', message: t('stock.transfers.created') });
      onClose();
    } catch (error) {
      const found = fieldErrors(error);
      if (Object.keys(found).length) setErrors(found);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  }
  const setLine = (i: number, patch: Partial<Line>) => setLines(lines.map((l, n) => (n === i ? { ...l, ...patch } : l)));
  return (
    <Modal opened onClose={onClose} title={t('stock.transfers.add')} size="lg">
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Stack gap="sm">
          <Group grow>
            <Select label={t('stock.field.from')} data={warehouses} value={from} onChange={setFrom} error={errors.fromWarehouseId} />
            <Select label={t('stock.field.to')} data={warehouses} value={to} onChange={setTo} error={errors.toWarehouseId} />
          </Group>
          {lines.map((line, i) => (
            <Group key={i} align="flex-start" wrap="nowrap">
              <div style={{ flex: 1 }}>
                <ProductPicker value={line.product} onChange={(product) => setLine(i, { product })} error={errors[`lines.${i}.productId`]} />
              </div>
              <NumberInput w={110} min={1} allowDecimal={false} value={line.quantity} onChange={(quantity) => setLine(i, { quantity })} error={errors[`lines.${i}.quantity`]} />
              <ActionIcon variant="subtle" color="gray" mt={6} onClick={() => setLines(lines.filter((_, n) => n !== i))} disabled={lines.length === 1}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setLines([...lines, { product: null, quantity: 1 }])} w="fit-content">
            {t('stock.transfers.addLine')}
          </Button>
          <TextInput label={t('stock.field.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        </Stack>
        <FormActionsContext.Provider value={{ busy, onCancel: onClose }}>
          <FormActions mt="md" />
        </FormActionsContext.Provider>
      </form>
    </Modal>
  );
}

/** 调拨: goods move between warehouses at the moving average; posted when saved. */
export function TransfersTab() {
  const { t } = useTranslation();
  const write = useCan()('stock.write');
  const [adding, setAdding] = useState(false);
  const columns: Column<TransferRow>[] = [
    { key: 'no', header: t('stock.field.transferNo'), render: (r) => r.transferNo, nowrap: true },
    { key: 'date', header: t('stock.field.date'), render: (r) => r.transferDate, nowrap: true },
    { key: 'from', header: t('stock.field.from'), render: (r) => r.fromWarehouseName },
    { key: 'to', header: t('stock.field.to'), render: (r) => r.toWarehouseName },
    { key: 'lines', header: t('stock.field.lines'), align: 'right', render: (r) => String(r.lineCount) },
    { key: 'quantity', header: t('stock.field.quantity'), align: 'right', render: (r) => String(r.totalQuantity) },
    { key: 'notes', header: t('stock.field.notes'), render: (r) => r.notes ?? '' },
    { key: 'user', header: t('stock.field.user'), render: (r) => r.createdByName ?? '' },
  ];
  const add = write && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="add-transfer" {...shortcutTarget('create')}>
      {t('stock.transfers.add')}
    </Button>
  );
  return (
    <>
      <Group justify="flex-end" mb="sm">
        {add}
      </Group>
      <DataTable
        method="stock.listTransfers"
        countWords="stock.transfers"
        input={{}}
        columns={columns}
        rowKey={(r) => r.id}
        onExport={async (jobId) => saveExport(await api.exports.transfers({ format: 'xlsx', language: exportLanguage(), jobId }))}
        empty={<EmptyState icon={<IconArrowsRightLeft size={30} />} title={t('stock.transfers.emptyTitle')} text={t('stock.transfers.emptyText')} action={add} />}
      />
      {adding && <TransferModal onClose={() => setAdding(false)} />}
    </>
  );
}
