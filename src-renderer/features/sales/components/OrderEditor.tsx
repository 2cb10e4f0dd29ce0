import { Button, Checkbox, Group, Paper, Select, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-main/domain/core/money';
import type { Order } from '../../../../src-main/domain/orders/orders.dto';
import { apiQueryKey, fieldErrors, useApiMutation } from '../../../api/hooks';
import { CustomerPicker } from '../../../components/CustomerPicker';
import { DateField } from '../../../components/DateField';
import { UnsavedChangesGuard, UnsavedChangesModal } from '../../../components/form/unsaved-changes';
import { PageHeader } from '../../../components/PageHeader';
import { shortcutTarget } from '../../../components/shortcut-targets';
import { UserPicker } from '../../../components/UserPicker';
import { businessToday } from '../../../format';
import { useCurrentUser } from '../../auth/current-user';
import { useWarehouses } from '../../stock/stock.queries';
import { blankLine, entryTotal, hasBadDiscount, LineEntry, linesInput, linesOnBasis, pricedLines, savedLine, type EntryLine } from './LineEntry';
import { ShippingAddressInput, useShippingAddresses } from './ShippingAddressInput';

/** A draft's lines back in the entry, with what the entry does not show (a typed price, a line's own date) kept. */
const linesOf = (order: Order): EntryLine[] =>
  order.lines.map((l) => savedLine(l, { ...(l.priceOverridden ? { unitPrice: l.unitPrice } : {}), ...(l.promisedDate ? { promisedDate: l.promisedDate } : {}) }));

/** The order's header as the form holds it: every header field orders.create and orders.update take. */
interface Header {
  customerId: string | null;
  orderDate: string;
  promisedDate: string | null;
  /** null: the company's default warehouse, until one is chosen. */
  warehouseId: string | null;
  taxInclusive: boolean;
  ownerUserId: string | null;
  /** null: the customer's usual address, until one is typed or picked. */
  shippingAddress: string | null;
  notes: string;
}

/** A draft's header as saved; a new order's for today, 含税, taken by whoever enters it. */
const headerOf = (order: Order | undefined, userId: string): Header =>
  order
    ? {
        customerId: order.customerId,
        orderDate: order.orderDate,
        promisedDate: order.promisedDate,
        warehouseId: order.warehouseId,
        taxInclusive: order.taxInclusive,
        ownerUserId: order.ownerUserId,
        shippingAddress: order.shippingAddress ?? '',
        notes: order.notes ?? '',
      }
    : { customerId: null, orderDate: businessToday(), promisedDate: null, warehouseId: null, taxInclusive: true, ownerUserId: userId, shippingAddress: null, notes: '' };

/** What has been entered, to tell whether anything changed; a line with nothing typed on it does not count. */
const entered = (header: Header, lines: EntryLine[]) =>
  JSON.stringify({
    ...header,
    notes: header.notes.trim(),
    lines: lines.filter((l) => l.product || l.code.trim()).map((l) => [l.code.trim(), l.product?.productId ?? null, l.quantity, l.unitFactor, String(l.discount), l.kept]),
  });

interface Props {
  /** The draft being changed; a new order without one. */
  order?: Order;
  onSaved: (order: Order) => void;
  /** Leaves without saving (a draft as it was, no new order); asks first when something was changed. */
  onDiscard: () => void;
}

/**
 * 新建销售订单, or a draft changed, by keyboard (see LineEntry). Prices and totals shown are the
 * customer's prices as the server computes them; the server prices the draft again on saving.
 */
export function OrderEditor({ order, onSaved, onDiscard }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const userId = useCurrentUser().id;
  const [start] = useState(() => {
    const header = headerOf(order, userId);
    const lines = order ? linesOf(order) : [blankLine()];
    return { header, lines, entered: entered(header, lines) };
  });
  const [header, setHeader] = useState(start.header);
  const [lines, setLines] = useState<EntryLine[]>(start.lines);
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  // Saved, or the changes thrown away: leaving no longer asks.
  const settled = useRef(false);
  const warehouses = useWarehouses();
  const addresses = useShippingAddresses(header.customerId);
  const savedAs = (saved: Order) => {
    settled.current = true;
    onSaved(saved);
  };
  const create = useApiMutation('orders.create', { onSuccess: savedAs });
  const update = useApiMutation('orders.update', {
    onSuccess: (saved) => {
      queryClient.setQueryData(apiQueryKey('orders.get', { id: saved.id }), saved);
      notifications.show({ color: 'teal', message: t('sales.order.saved') });
      savedAs(saved);
    },
  });
  const errors = fieldErrors(order ? update.error : create.error);
  const { customerId, taxInclusive } = header;
  const warehouseId = header.warehouseId ?? warehouses.data?.find((w) => w.isDefault)?.id ?? null;
  // A draft's warehouse archived since stays its warehouse, shown by name, until another is chosen.
  const keptWarehouse = order && !warehouses.data?.some((w) => w.id === order.warehouseId) ? [{ value: order.warehouseId, label: order.warehouseName }] : [];
  const shippingAddress = header.shippingAddress ?? addresses.preferred ?? '';
  const ready = !!customerId && pricedLines(lines).length > 0 && !hasBadDiscount(lines);
  const hasUnsavedEdits = () => !settled.current && entered(header, lines) !== start.entered;
  const change = (patch: Partial<Header>) => setHeader((h) => ({ ...h, ...patch }));

  function changeTaxInclusive(inclusive: boolean) {
    change({ taxInclusive: inclusive });
    setLines((all) => linesOnBasis(all, inclusive));
  }

  function discard() {
    settled.current = true;
    setAskingToDiscard(false);
    onDiscard();
  }

  function save() {
    if (!customerId || !ready) return;
    const notes = header.notes.trim();
    const address = shippingAddress.trim();
    const common = { customerId, orderDate: header.orderDate, taxInclusive, ownerUserId: header.ownerUserId, lines: linesInput(lines) };
    if (order) {
      // Sent only when changed: a warehouse archived since the draft was saved would be refused.
      const warehouse = warehouseId && warehouseId !== order.warehouseId ? { warehouseId } : {};
      update.mutate({ id: order.id, ...common, promisedDate: header.promisedDate, ...warehouse, shippingAddress: address || null, notes: notes || null });
    } else {
      create.mutate({
        ...common,
        ...(header.promisedDate ? { promisedDate: header.promisedDate } : {}),
        ...(warehouseId ? { warehouseId } : {}),
        ...(address ? { shippingAddress: address } : {}),
        ...(notes ? { notes } : {}),
      });
    }
  }

  return (
    <>
      <PageHeader
        title={order ? `${t('sales.order.editTitle')} ${order.orderNo ?? t('sales.orderStatus.draft')}` : t('sales.form.title')}
        actions={
          <>
            <Button variant="default" onClick={() => (hasUnsavedEdits() ? setAskingToDiscard(true) : discard())} data-testid="order-discard">
              {order ? t('sales.order.discardChanges') : t('common.cancel')}
            </Button>
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
            // Another customer's order goes to that customer's address.
            onChange={(id) => change({ customerId: id, ...(id !== customerId ? { shippingAddress: null } : {}) })}
            valueLabel={order?.customerName}
            error={errors.customerId}
            w={420}
            data-testid="order-customer"
          />
          <DateField
            label={t('sales.field.orderDate')}
            value={header.orderDate}
            onChange={(v) => v && change({ orderDate: v })}
            clearable={false}
            error={errors.orderDate}
            w={150}
            data-testid="order-date"
          />
          <DateField
            label={t('sales.field.promisedDate')}
            value={header.promisedDate}
            onChange={(v) => change({ promisedDate: v || null })}
            error={errors.promisedDate}
            w={150}
            data-testid="order-promised-date"
          />
          <Select
            label={t('sales.field.warehouse')}
            data={[...keptWarehouse, ...(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))]}
            value={warehouseId}
            onChange={(id) => id && change({ warehouseId: id })}
            allowDeselect={false}
            placeholder={t('sales.form.defaultWarehouse')}
            error={errors.warehouseId}
            w={180}
            data-testid="order-warehouse"
          />
        </Group>
        <Group align="flex-start" mb="md" wrap="wrap">
          <UserPicker
            label={t('sales.field.owner')}
            placeholder={t('sales.orders.unassigned')}
            value={header.ownerUserId}
            onChange={(id) => change({ ownerUserId: id })}
            error={errors.ownerUserId}
            w={180}
            data-testid="order-owner"
          />
          <ShippingAddressInput
            label={t('sales.field.shippingAddress')}
            placeholder={t('sales.form.addressHint')}
            data={addresses.options}
            value={shippingAddress}
            onChange={(v) => change({ shippingAddress: v })}
            error={errors.shippingAddress}
            style={{ flex: 1, minWidth: 320 }}
            data-testid="order-address"
          />
          <Checkbox
            label={t('sales.field.taxInclusive')}
            checked={taxInclusive}
            onChange={(e) => changeTaxInclusive(e.currentTarget.checked)}
            error={errors.taxInclusive}
            mt={32}
            data-testid="order-tax-inclusive"
          />
        </Group>
        <LineEntry lines={lines} onChange={setLines} customerId={customerId} taxInclusive={taxInclusive} currency={order?.currency} errors={errors} data-testid="order-entry" />
        <Textarea
          label={t('sales.field.notes')}
          value={header.notes}
          onChange={(e) => change({ notes: e.currentTarget.value })}
          error={errors.notes}
          autosize
          minRows={1}
          maxRows={4}
          mt="md"
        />
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            {t('sales.form.keys')}
          </Text>
          <Text fw={700} data-testid="order-form-total">{`${t('common.labelColon', { label: t('sales.field.total') })}${formatFen(entryTotal(lines, taxInclusive), order?.currency)}`}</Text>
        </Group>
      </Paper>
      <UnsavedChangesGuard hasUnsavedEdits={hasUnsavedEdits} />
      <UnsavedChangesModal opened={askingToDiscard} onStay={() => setAskingToDiscard(false)} onLeave={discard} />
    </>
  );
}
