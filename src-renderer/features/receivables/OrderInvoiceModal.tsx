import { Alert, Button, Group, Loader, Modal, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyBasisPoints, formatFen, taxLine } from '../../../src-main/domain/core/money';
import type { Invoice, InvoiceableOrder } from '../../../src-main/domain/receivables/receivables.dto';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { InvoiceHeaderFields, invoiceHeaderInput, newInvoiceHeader } from './InvoiceHeaderFields';
import { useInvoicePosting } from './use-invoice-posting';

/** A line's amount for a quantity, as posting prices it (the order's discount and VAT, rounded per line); the server decides. */
function grossOf(order: InvoiceableOrder, line: InvoiceableOrder['lines'][number], quantity: number): number {
  const discount = applyBasisPoints(quantity * line.unitPrice, line.discountBp);
  return taxLine({ quantity, unitPrice: line.unitPrice, discount, taxRate: line.vatRate, pricesIncludeTax: order.taxInclusive }).gross;
}

/** 开票 from an order: everything not invoiced yet, or chosen quantities (one order into several invoices). */
export function OrderInvoiceModal({ salesOrderId, opened, onClose, onCreated }: { salesOrderId: string; opened: boolean; onClose: () => void; onCreated: (invoice: Invoice) => void }) {
  const { t } = useTranslation();
  const query = useApiQuery('receivables.invoiceableOrder', { salesOrderId }, { enabled: opened });
  const order = query.data;
  const [quantities, setQuantities] = useState<Record<string, number | string>>({});
  const [header, setHeader] = useState(newInvoiceHeader);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!opened || !order) return;
    setQuantities(Object.fromEntries(order.lines.map((l) => [l.salesOrderLineId, l.open])));
    setHeader(newInvoiceHeader());
    setErrors({});
  }, [opened, order]);

  const post = useInvoicePosting('receivables.invoiceOrder', { onClose, onCreated, setErrors });

  const openLines = order?.lines.filter((l) => l.open > 0) ?? [];
  const quantityOf = (id: string) => {
    const q = quantities[id];
    return typeof q === 'number' ? q : 0;
  };
  const chosen = openLines.filter((l) => quantityOf(l.salesOrderLineId) > 0);
  const whole = openLines.every((l) => quantityOf(l.salesOrderLineId) === l.open);
  const total = order ? chosen.reduce((sum, l) => sum + grossOf(order, l, quantityOf(l.salesOrderLineId)), 0) : 0;
  // Lines as sent, so the server's `lines.N.quantity` lands on its row.
  const sentLines = chosen.map((l) => ({ salesOrderLineId: l.salesOrderLineId, quantity: quantityOf(l.salesOrderLineId) }));
  const lineError = (id: string) => errors[`lines.${sentLines.findIndex((l) => l.salesOrderLineId === id)}.quantity`];

  function submit() {
    // Everything still open goes without lines: the server invoices what is left at the moment it posts.
    post.mutate({ salesOrderId, ...(whole ? {} : { lines: sentLines }), ...invoiceHeaderInput(header) });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('receivables.orderInvoice.title', { number: order?.orderNo ?? '' })} size="xl">
      {!order ? (
        <Loader />
      ) : openLines.length === 0 ? (
        <EmptyState title={t('receivables.orderInvoice.nothingTitle')} text={t('receivables.orderInvoice.nothingText')} />
      ) : (
        <Stack>
          <Text size="sm">
            {t('common.labelColon', { label: t('receivables.field.customer') })}{order.customerName}
          </Text>
          <Text size="sm" c="dimmed">{t('receivables.orderInvoice.hint')}</Text>
          <Table striped verticalSpacing={4} data-testid="order-invoice-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('receivables.field.description')}</Table.Th>
                <Table.Th ta="right">{t('receivables.orderInvoice.ordered')}</Table.Th>
                <Table.Th ta="right">{t('receivables.orderInvoice.invoiced')}</Table.Th>
                <Table.Th ta="right" w={140}>{t('receivables.orderInvoice.thisTime')}</Table.Th>
                <Table.Th ta="right">{t('receivables.invoice.lineTotal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {openLines.map((l) => (
                <Table.Tr key={l.salesOrderLineId}>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td ta="right">{l.ordered} {l.unit}</Table.Td>
                  <Table.Td ta="right">{l.invoiced}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      min={0}
                      max={l.open}
                      allowDecimal={false}
                      allowNegative={false}
                      value={quantities[l.salesOrderLineId] ?? ''}
                      onChange={(v) => setQuantities((now) => ({ ...now, [l.salesOrderLineId]: v }))}
                      error={lineError(l.salesOrderLineId)}
                      aria-label={t('receivables.orderInvoice.quantityOf', { line: l.description })}
                      data-testid={`order-invoice-qty-${l.lineNo}`}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{formatFen(grossOf(order, l, quantityOf(l.salesOrderLineId)))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {errors.salesOrderId && <Alert color="red" py="xs">{errors.salesOrderId}</Alert>}
          <InvoiceHeaderFields values={header} onChange={setHeader} errors={errors} paymentTermsDays={order.paymentTermsDays} />
          <Group justify="space-between">
            <Text fw={700} data-testid="order-invoice-total">
              {t(whole ? 'receivables.orderInvoice.whole' : 'receivables.orderInvoice.part', { amount: formatFen(total) })}
            </Text>
            <Group>
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              <Button disabled={chosen.length === 0} loading={post.isPending} onClick={submit} data-testid="post-order-invoice">
                {t('receivables.issue.post')}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
