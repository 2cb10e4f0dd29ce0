import { Badge, Button, Group, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-main/domain/core/money';
import { api } from '../../../api/client';
import { fieldErrors, notifyError, useApiQuery } from '../../../api/hooks';
import { useCan } from '../../auth/current-user';

/** One purchase order: its lines, what has arrived, and the buttons that move it on (confirm, receive, cancel). */
export function OrderDrawer({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const order = useApiQuery('purchasing.getOrder', { id });
  const [receiving, setReceiving] = useState<Record<string, number>>({});
  const [serials, setSerials] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (!order.data) return null;
  const o = order.data;
  const open = o.status === 'confirmed' || o.status === 'partly_received';

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setErrors({});
    try {
      await action();
      notifications.show({ color: 'teal', message });
      setReceiving({});
      setSerials({});
      await order.refetch();
    } catch (error) {
      const found = fieldErrors(error);
      if (Object.keys(found).length && !found.status) setErrors(found);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  }
  const taking = o.lines.filter((l) => (receiving[l.id] ?? 0) > 0);
  const receive = () =>
    api.purchasing.receive({
      id,
      lines: taking.map((l) => ({ lineId: l.id, quantity: receiving[l.id]!, serials: (serials[l.id] ?? '').split(/\s+/).filter(Boolean) })),
    });
  const receiveAll = () => setReceiving(Object.fromEntries(o.lines.map((l) => [l.id, l.quantity - l.receivedQuantity])));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>{o.poNo}</Text>
          <Badge variant="light">{t(`purchasing.status.${o.status}`)}</Badge>
          <Text size="sm" c="dimmed">
            {o.supplierName} · {o.warehouseName} · {o.orderDate}
            {o.expectedDate ? ` → ${o.expectedDate}` : ''}
          </Text>
        </Group>
        <Group gap="xs">
          {can('purchasing.write') && (o.status === 'draft' || o.status === 'confirmed') && (
            <Button variant="default" color="red" disabled={busy} onClick={() => void run(() => api.purchasing.cancelOrder({ id }), t('purchasing.orders.cancelled'))}>
              {t('purchasing.orders.cancel')}
            </Button>
          )}
          {can('purchasing.write') && o.status === 'draft' && (
            <Button loading={busy} onClick={() => void run(() => api.purchasing.confirmOrder({ id }), t('purchasing.orders.confirmed'))} data-testid="confirm-order">
              {t('purchasing.orders.confirm')}
            </Button>
          )}
          {can('stock.write') && open && (
            <>
              <Button variant="light" onClick={receiveAll}>
                {t('purchasing.orders.receiveAll')}
              </Button>
              <Button loading={busy} disabled={!taking.length} onClick={() => void run(receive, t('purchasing.orders.receivedNotice'))} data-testid="receive-order">
                {t('purchasing.orders.receive')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Table striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('purchasing.field.product')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.field.ordered')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.field.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.field.gross')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.field.received')}</Table.Th>
            {open && <Table.Th ta="right">{t('purchasing.field.receiveNow')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.lines.map((l, i) => {
            const index = taking.findIndex((x) => x.id === l.id);
            return (
              <Table.Tr key={l.id}>
                <Table.Td>
                  {l.productCode} {l.productName} {l.spec ?? ''}
                  {open && l.isSerialTracked && (receiving[l.id] ?? 0) > 0 && (
                    <Textarea mt={4} size="xs" autosize minRows={2} placeholder={t('purchasing.field.serials')} value={serials[l.id] ?? ''} onChange={(e) => setSerials({ ...serials, [l.id]: e.currentTarget.value })} error={errors[`lines.${index}.serials`]} />
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {l.quantity} {l.unit}
                </Table.Td>
                <Table.Td ta="right">{formatFen(l.unitPrice)}</Table.Td>
                <Table.Td ta="right">{formatFen(l.gross)}</Table.Td>
                <Table.Td ta="right">{l.receivedQuantity}</Table.Td>
                {open && (
                  <Table.Td ta="right" w={120}>
                    {l.receivedQuantity < l.quantity ? (
                      <NumberInput size="xs" min={0} max={l.quantity - l.receivedQuantity} allowDecimal={false} value={receiving[l.id] ?? ''} onChange={(v) => setReceiving({ ...receiving, [l.id]: Number(v) || 0 })} error={errors[`lines.${index}.quantity`]} data-testid={`receive-line-${i}`} />
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="sm" ta="right">
        {t('purchasing.field.totalNet')} {formatFen(o.totalNet)} · {t('purchasing.field.totalTax')} {formatFen(o.totalTax)} · <b>{t('purchasing.field.totalGross')} {formatFen(o.totalGross)}</b>
      </Text>
      {o.receipts.length > 0 && (
        <>
          <Text fw={600} size="sm">
            {t('purchasing.orders.receipts')}
          </Text>
          {o.receipts.map((r) => (
            <Text key={r.id} size="sm">
              {r.receiptNo} · {r.receiptDate} · {r.quantity} · {formatFen(r.value)}
            </Text>
          ))}
        </>
      )}
    </Stack>
  );
}
