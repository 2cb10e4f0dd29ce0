import { Button, Group, Paper, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-main/domain/core/money';
import type { Order } from '../../../../src-main/domain/orders/orders.dto';
import { apiQueryKey, fieldErrors, useApiMutation } from '../../../api/hooks';
import { CustomerPicker } from '../../../components/CustomerPicker';
import { DateField } from '../../../components/DateField';
import { PageHeader } from '../../../components/PageHeader';
import { shortcutTarget } from '../../../components/shortcut-targets';
import { blankLine, entryTotal, hasBadDiscount, LineEntry, linesInput, pricedLines, savedLine, type EntryLine } from './LineEntry';

/** A draft's lines back in the entry, with what the entry does not show (a typed price, a line's own date) kept. */
const linesOf = (order: Order): EntryLine[] =>
  order.lines.map((l) => savedLine(l, { ...(l.priceOverridden ? { unitPrice: l.unitPrice } : {}), ...(l.promisedDate ? { promisedDate: l.promisedDate } : {}) }));

interface Props {
  /** The draft being changed; a new order without one. */
  order?: Order;
  onSaved: (order: Order) => void;
  /** Leaves a draft unchanged (editing only). */
  onDiscard?: () => void;
}

/**
 * 新建销售订单, or a draft changed, by keyboard (see LineEntry). Prices and totals shown are the
 * customer's prices as the server computes them; the server prices the draft again on saving.
 */
export function OrderEditor({ order, onSaved, onDiscard }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [customerId, setCustomerId] = useState<string | null>(order?.customerId ?? null);
  const [promisedDate, setPromisedDate] = useState<string | null>(order?.promisedDate ?? null);
  const [notes, setNotes] = useState(order?.notes ?? '');
  const [lines, setLines] = useState<EntryLine[]>(() => (order ? linesOf(order) : [blankLine()]));
  const create = useApiMutation('orders.create', { onSuccess: onSaved });
  const update = useApiMutation('orders.update', {
    onSuccess: (saved) => {
      queryClient.setQueryData(apiQueryKey('orders.get', { id: saved.id }), saved);
      notifications.show({ color: 'teal', message: t('sales.order.saved') });
      onSaved(saved);
    },
  });
  const errors = fieldErrors(order ? update.error : create.error);
  const taxInclusive = order?.taxInclusive ?? true;
  const ready = !!customerId && pricedLines(lines).length > 0 && !hasBadDiscount(lines);

  function save() {
    if (!customerId || !ready) return;
    if (order) {
      update.mutate({ id: order.id, customerId, promisedDate, notes: notes.trim() || null, lines: linesInput(lines) });
    } else {
      create.mutate({ customerId, ...(promisedDate ? { promisedDate } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}), lines: linesInput(lines) });
    }
  }

  return (
    <>
      <PageHeader
        title={order ? `${t('sales.order.editTitle')} ${order.orderNo ?? t('sales.orderStatus.draft')}` : t('sales.form.title')}
        actions={
          <>
            {onDiscard && (
              <Button variant="default" onClick={onDiscard} data-testid="order-discard">
                {t('sales.order.discardChanges')}
              </Button>
            )}
            <Button disabled={!ready} loading={create.isPending || update.isPending} onClick={save} data-testid="order-save" {...shortcutTarget('save')}>
              {order ? t('sales.order.saveChanges') : t('sales.form.save')}
            </Button>
          </>
        }
      />
      <Paper withBorder p="md">
        <Group align="flex-start" mb="md" wrap="wrap">
          <CustomerPicker
            label={t('sales.field.customer')}
            value={customerId}
            onChange={setCustomerId}
            valueLabel={order?.customerName}
            error={errors.customerId}
            w={420}
            data-testid="order-customer"
          />
          <DateField label={t('sales.field.promisedDate')} value={promisedDate} onChange={(v) => setPromisedDate(v || null)} error={errors.promisedDate} w={200} />
        </Group>
        <LineEntry lines={lines} onChange={setLines} customerId={customerId} taxInclusive={taxInclusive} currency={order?.currency} errors={errors} data-testid="order-entry" />
        <Textarea label={t('sales.field.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} autosize minRows={1} maxRows={4} mt="md" />
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            {t('sales.form.keys')}
          </Text>
          <Text fw={700} data-testid="order-form-total">{`${t('common.labelColon', { label: t('sales.field.total') })}${formatFen(entryTotal(lines, taxInclusive), order?.currency)}`}</Text>
        </Group>
      </Paper>
    </>
  );
}
