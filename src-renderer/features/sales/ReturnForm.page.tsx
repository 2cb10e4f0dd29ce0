import { Button, Center, Group, Loader, MultiSelect, NumberInput, Paper, SegmentedControl, Select, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Delivery } from '../../../src-main/domain/deliveries/deliveries.contract';
import type { Order } from '../../../src-main/domain/orders/orders.dto';
import type { ReturnDisposition } from '../../../src-main/domain/returns/returns.dto';
import { errorMessage, fieldErrors, useApiMutation, useApiQuery } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { shortcutTarget } from '../../components/shortcut-targets';

interface Choice {
  quantity: number;
  disposition: ReturnDisposition;
  serials: string[];
}

/** What can still come back on a delivery line: what it shipped, less what the order line already took back. */
export function returnable(shipped: number, orderLine: Pick<Order['lines'][number], 'deliveredQuantity' | 'returnedQuantity'> | undefined): number {
  return orderLine ? Math.max(0, Math.min(shipped, orderLine.deliveredQuantity - orderLine.returnedQuantity)) : 0;
}

function ReturnLines({ delivery, order }: { delivery: Delivery; order: Order }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const create = useApiMutation('returns.create', {
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t('sales.returns.saved', { no: r.returnNo, amount: formatFen(r.creditNoteRequest?.totalGross ?? r.totalGross) }) });
      navigate('/returns');
    },
  });
  const errors = fieldErrors(create.error);
  const orderLines = new Map(order.lines.map((l) => [l.id, l]));
  const choice = (lineId: string): Choice => choices[lineId] ?? { quantity: 0, disposition: 'restock', serials: [] };
  const set = (lineId: string, patch: Partial<Choice>) => setChoices((all) => ({ ...all, [lineId]: { ...choice(lineId), ...patch } }));
  // The order sent is the delivery's, so a refusal at `lines.N` finds its row again.
  const chosen = delivery.lines.filter((l) => choice(l.id).quantity > 0);
  const serialsMissing = chosen.some((l) => l.isSerialTracked && choice(l.id).serials.length !== choice(l.id).quantity);

  function submit() {
    create.mutate({
      salesOrderId: delivery.salesOrderId,
      warehouseId: delivery.warehouseId,
      reason,
      notes: notes.trim() || null,
      lines: chosen.map((l) => ({ orderLineId: l.orderLineId, quantity: choice(l.id).quantity, disposition: choice(l.id).disposition, serials: l.isSerialTracked ? choice(l.id).serials : [] })),
    });
  }

  return (
    <>
      <PageHeader
        title={t('sales.returns.new')}
        actions={
          <Button disabled={chosen.length === 0 || !reason.trim() || serialsMissing} loading={create.isPending} onClick={submit} data-testid="return-save" {...shortcutTarget('save')}>
            {t('sales.returns.save')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <Group gap="xl" mb="md">
          <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.deliveryNo') })}${delivery.deliveryNo}`}</Text>
          <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.orderNo') })}${delivery.orderNo}`}</Text>
          <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.customer') })}${delivery.customerName}`}</Text>
          <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.warehouse') })}${delivery.warehouseName}`}</Text>
        </Group>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing={6} data-testid="return-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sales.field.product')}</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('sales.field.delivered')}
                </Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('sales.field.returned')}
                </Table.Th>
                <Table.Th w={150}>{t('sales.returns.quantity')}</Table.Th>
                <Table.Th w={190}>{t('sales.returns.disposition')}</Table.Th>
                <Table.Th w={240}>{t('sales.returns.serials')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {delivery.lines.map((line) => {
                const orderLine = orderLines.get(line.orderLineId);
                const max = returnable(line.quantity, orderLine);
                const c = choice(line.id);
                const at = chosen.indexOf(line);
                return (
                  <Table.Tr key={line.id}>
                    <Table.Td>
                      <Text size="sm">{`${line.productCode} ${line.productName}${line.spec ? ` ${line.spec}` : ''}`}</Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{`${line.quantity} ${line.unit}`}</Table.Td>
                    <Table.Td ta="right">{orderLine?.returnedQuantity ?? 0}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`${t('sales.returns.quantity')} ${line.productCode}`}
                        // Empty until typed in, so the first digit is the quantity (not "01").
                        value={c.quantity || ''}
                        placeholder="0"
                        min={0}
                        max={max}
                        clampBehavior="strict"
                        allowDecimal={false}
                        disabled={max === 0}
                        description={t('sales.returns.atMost', { max })}
                        error={at >= 0 ? (errors[`lines.${at}.quantity`] ?? errors[`lines.${at}.orderLineId`]) : undefined}
                        onChange={(v) => set(line.id, { quantity: typeof v === 'number' ? v : 0 })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <SegmentedControl
                        size="xs"
                        value={c.disposition}
                        disabled={c.quantity === 0}
                        onChange={(v) => set(line.id, { disposition: v as ReturnDisposition })}
                        data={[
                          { value: 'restock', label: t('sales.returns.restock') },
                          { value: 'scrap', label: t('sales.returns.scrap') },
                        ]}
                      />
                    </Table.Td>
                    <Table.Td>
                      {line.isSerialTracked && (
                        <MultiSelect
                          aria-label={`${t('sales.returns.serials')} ${line.productCode}`}
                          data={line.serials}
                          value={c.serials}
                          searchable
                          disabled={c.quantity === 0}
                          maxValues={c.quantity}
                          placeholder={c.quantity > c.serials.length ? t('sales.returns.pickSerials', { count: c.quantity }) : undefined}
                          error={at >= 0 ? errors[`lines.${at}.serials`] : undefined}
                          onChange={(serials) => set(line.id, { serials })}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group grow align="flex-start" mt="md">
          <TextInput label={t('sales.field.reason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} placeholder={t('sales.returns.reasonHint')} />
          <Textarea label={t('sales.field.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} autosize minRows={1} maxRows={3} />
        </Group>
        <Text size="sm" c="dimmed" mt="md">
          {t('sales.returns.creditNote')}
        </Text>
      </Paper>
    </>
  );
}

function DeliveryReturn({ deliveryId }: { deliveryId: string }) {
  const delivery = useApiQuery('deliveries.get', { id: deliveryId });
  const order = useApiQuery('orders.get', { id: delivery.data?.salesOrderId ?? '' }, { enabled: Boolean(delivery.data) });
  const failed = delivery.error ?? order.error;
  if (failed) return <LoadFailed error={failed} onRetry={() => void (delivery.isError ? delivery.refetch() : order.refetch())} />;
  if (!delivery.data || !order.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  return <ReturnLines delivery={delivery.data} order={order.data} />;
}

/** 新建退货: goods come back against a posted delivery; chosen here when the returns list opened the form. */
export function ReturnFormPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const deliveryId = params.get('delivery');
  const posted = useApiQuery('deliveries.list', { status: 'posted', pageSize: 20, ...(q ? { q } : {}) }, { enabled: !deliveryId });
  if (deliveryId) return <DeliveryReturn key={deliveryId} deliveryId={deliveryId} />;
  return (
    <>
      <PageHeader title={t('sales.returns.new')} />
      <Paper withBorder p="md">
        <Select
          label={t('sales.returns.pickDelivery')}
          placeholder={t('sales.returns.pickDeliveryHint')}
          searchable
          w={480}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          data={(posted.data?.rows ?? []).map((d) => ({ value: d.id, label: `${d.deliveryNo} · ${d.orderNo} · ${d.customerName}` }))}
          onChange={(id) => id && setParams({ delivery: id })}
          error={posted.isError ? errorMessage(posted.error) : undefined}
          data-testid="return-delivery"
        />
      </Paper>
    </>
  );
}
