import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Invoice } from '../../../src-main/domain/receivables/receivables.dto';
import { useApiQuery } from '../../api/hooks';
import { CustomerPicker } from '../../components/CustomerPicker';
import { EmptyState } from '../../components/EmptyState';
import { InvoiceHeaderFields, invoiceHeaderInput, newInvoiceHeader } from './InvoiceHeaderFields';
import { useInvoicePosting } from './use-invoice-posting';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (invoice: Invoice) => void;
  /** Opened from a delivery: its customer chosen and the delivery ticked. */
  customer?: { id: string; name: string };
  deliveryId?: string;
}

/** 开票: a customer's delivered, not yet invoiced deliveries, several ticked into one invoice. */
export function DeliveriesInvoiceModal({ opened, onClose, onCreated, customer, deliveryId }: Props) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string | null>(customer?.id ?? null);
  const [ticked, setTicked] = useState<string[]>(deliveryId ? [deliveryId] : []);
  const [header, setHeader] = useState(newInvoiceHeader);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!opened) return;
    setCustomerId(customer?.id ?? null);
    setTicked(deliveryId ? [deliveryId] : []);
    setHeader(newInvoiceHeader());
    setErrors({});
  }, [opened, customer?.id, deliveryId]);

  const waiting = useApiQuery('receivables.invoiceableDeliveries', { customerId: customerId ?? '' }, { enabled: opened && customerId !== null });
  const deliveries = customerId ? (waiting.data?.deliveries ?? []) : [];
  const chosen = deliveries.filter((d) => ticked.includes(d.deliveryId));
  const total = chosen.reduce((sum, d) => sum + d.gross, 0);
  const post = useInvoicePosting('receivables.invoiceDeliveries', { onClose, onCreated, setErrors });
  const toggle = (id: string, on: boolean) => setTicked((now) => (on ? [...now, id] : now.filter((x) => x !== id)));
  // The server names a refused delivery by its place in the list it was sent.
  const sentIds = deliveries.map((d) => d.deliveryId).filter((id) => ticked.includes(id));
  const rowError = (id: string) => errors[`deliveryIds.${sentIds.indexOf(id)}`];
  // Nothing of the customer's waits: the empty state and a way out, no invoice form to fill for nothing.
  const nothingWaiting = customerId !== null && waiting.isSuccess && deliveries.length === 0;

  return (
    <Modal opened={opened} onClose={onClose} title={t('receivables.issue.deliveriesTitle')} size="xl">
      <Stack>
        {customer ? (
          // From a delivery the customer is the delivery's: shown, not asked (an open picker would cover the list).
          <TextInput label={t('receivables.field.customer')} value={customer.name} readOnly variant="filled" data-testid="invoice-customer" />
        ) : (
          <CustomerPicker
            label={t('receivables.field.customer')}
            value={customerId}
            onChange={(id) => {
              setCustomerId(id);
              setTicked([]);
              setErrors({});
            }}
            required
            data-autofocus
            data-testid="invoice-customer"
          />
        )}
        {deliveryId && waiting.data && deliveries.length > 0 && !deliveries.some((d) => d.deliveryId === deliveryId) && (
          <Alert color="blue" py="xs" data-testid="delivery-already-invoiced">
            {t('receivables.issue.thisDeliveryInvoiced')}
          </Alert>
        )}
        {customerId === null ? (
          <Text c="dimmed" size="sm">{t('receivables.issue.pickCustomer')}</Text>
        ) : waiting.isPending ? (
          <Loader size="sm" />
        ) : deliveries.length === 0 ? (
          <EmptyState title={t('receivables.issue.noDeliveriesTitle')} text={t('receivables.issue.noDeliveriesText')} />
        ) : (
          <Table striped verticalSpacing={4} data-testid="invoiceable-deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('receivables.issue.tickAll')}
                    checked={chosen.length === deliveries.length}
                    indeterminate={chosen.length > 0 && chosen.length < deliveries.length}
                    onChange={(e) => setTicked(e.currentTarget.checked ? deliveries.map((d) => d.deliveryId) : [])}
                  />
                </Table.Th>
                <Table.Th>{t('receivables.field.deliveryNo')}</Table.Th>
                <Table.Th>{t('receivables.field.orderNo')}</Table.Th>
                <Table.Th>{t('receivables.field.deliveryDate')}</Table.Th>
                <Table.Th ta="right">{t('receivables.field.notInvoiced')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.map((d) => (
                <Table.Tr key={d.deliveryId} style={{ cursor: 'pointer' }} onClick={() => toggle(d.deliveryId, !ticked.includes(d.deliveryId))}>
                  <Table.Td>
                    <Checkbox aria-label={d.deliveryNo} checked={ticked.includes(d.deliveryId)} onChange={() => undefined} />
                  </Table.Td>
                  <Table.Td>
                    {d.deliveryNo}
                    {rowError(d.deliveryId) && <Text size="xs" c="red">{rowError(d.deliveryId)}</Text>}
                  </Table.Td>
                  <Table.Td>{d.orderNo ?? '—'}</Table.Td>
                  <Table.Td>{d.deliveryDate}</Table.Td>
                  <Table.Td ta="right">{formatFen(d.gross)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {nothingWaiting ? (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="invoice-close">
              {t('common.close')}
            </Button>
          </Group>
        ) : (
          <>
            {errors.deliveryIds && <Alert color="red" py="xs">{errors.deliveryIds}</Alert>}
            {errors.customerId && <Alert color="red" py="xs">{errors.customerId}</Alert>}
            <InvoiceHeaderFields values={header} onChange={setHeader} errors={errors} paymentTermsDays={waiting.data && customerId ? waiting.data.paymentTermsDays : null} />
            <Group justify="space-between">
              <Text fw={700} data-testid="invoice-selected-total">
                {t('receivables.issue.selected', { count: chosen.length, amount: formatFen(total) })}
              </Text>
              <Group>
                <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
                <Button disabled={chosen.length === 0} loading={post.isPending} onClick={() => post.mutate({ deliveryIds: sentIds, ...invoiceHeaderInput(header) })} data-testid="post-invoice">
                  {t('receivables.issue.post')}
                </Button>
              </Group>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
