import { Alert, Anchor, Badge, Button, Drawer, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { InvoiceDetail } from '../../../src-main/domain/receivables/receivables.dto';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { WriteButton } from './InvoiceHeaderFields';
import { PriceCorrectionModal } from './PriceCorrectionModal';

/** What settled the invoice (receipts, credit notes, write-offs), or what the credit note settled, with their reversals: the open amount's story. */
function Settlements({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const credit = invoice.kind === 'credit_note';
  return (
    <Stack gap={4}>
      <Title order={5}>{t(credit ? 'receivables.invoice.creditSettlements' : 'receivables.invoice.settlements')}</Title>
      {invoice.settlements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('receivables.invoice.noSettlements')}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="invoice-settlements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('receivables.reconciliation.date')}</Table.Th>
              <Table.Th>{t('receivables.invoice.kind')}</Table.Th>
              <Table.Th>{t('receivables.reconciliation.number')}</Table.Th>
              <Table.Th ta="right">{t('receivables.reconciliation.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.settlements.map((s) => {
              const kind = t(`receivables.reconciliation.kind.${s.kind}`);
              return (
                <Table.Tr key={s.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.date}</Table.Td>
                  <Table.Td>{s.reversal ? t('receivables.reconciliation.reversalOf', { kind }) : kind}</Table.Td>
                  <Table.Td>{s.counterpart?.number ?? s.reason ?? ''}</Table.Td>
                  <Table.Td ta="right" c={s.amount < 0 ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {formatFen(s.amount)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** One invoice or credit note with its lines, the order it came from and what settled it; a posted one can be reversed (never edited). */
export function InvoiceDrawer({ invoiceId, onClose }: { invoiceId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useApiQuery('receivables.getInvoice', { id: invoiceId ?? '' }, { enabled: invoiceId !== null });
  const reverse = useApiMutation('receivables.reverseInvoice');
  const [reversing, setReversing] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');
  const invoice = query.data;
  return (
    <Drawer opened={invoiceId !== null} onClose={onClose} position="right" size="xl" title={invoice ? `${t(`receivables.kind.${invoice.kind}`)} ${invoice.invoiceNo}` : ''}>
      {!invoice ? (
        <Loader />
      ) : (
        <Stack gap="sm" data-testid="invoice-drawer">
          <Group gap="xl">
            <Text size="sm">{t('common.labelColon', { label: t('receivables.field.customer') })}{invoice.customerName}</Text>
            <Text size="sm">{t('common.labelColon', { label: t('receivables.field.invoiceDate') })}{invoice.invoiceDate}</Text>
            <Text size="sm">{t('common.labelColon', { label: t('receivables.field.dueDate') })}{invoice.dueDate}</Text>
            {invoice.taxInvoiceNo && <Text size="sm">{t('common.labelColon', { label: t('receivables.field.taxInvoiceNo') })}{invoice.taxInvoiceNo}{invoice.taxInvoiceDate ? t('common.inParentheses', { text: invoice.taxInvoiceDate }) : ''}</Text>}
          </Group>
          <Group gap="xl">
            <Text size="sm">{t('common.labelColon', { label: t('receivables.field.invoiceType') })}{t(`receivables.invoiceType.${invoice.invoiceType}`)}</Text>
            {invoice.project && <Text size="sm">{t('common.labelColon', { label: t('receivables.field.project') })}{invoice.project}</Text>}
            {invoice.reason && <Text size="sm">{t('common.labelColon', { label: t('receivables.field.reason') })}{invoice.reason}</Text>}
            {invoice.salesOrderId && invoice.salesOrderNo && (
              <Text size="sm">
                {t('common.labelColon', { label: t('receivables.invoice.salesOrder') })}
                <Anchor component={Link} to={`/orders/${invoice.salesOrderId}`} size="sm" data-testid="invoice-order">
                  {invoice.salesOrderNo}
                </Anchor>
              </Text>
            )}
          </Group>
          <Group gap="xl">
            <Text fw={700}>{t('common.labelColon', { label: t('receivables.field.total') })}{formatFen(invoice.totalGross)}</Text>
            <Text fw={700} c={invoice.openAmount > 0 ? 'red' : 'teal'}>{t('common.labelColon', { label: t('receivables.field.open') })}{formatFen(invoice.openAmount)}</Text>
            {invoice.status === 'reversed' && <Badge color="gray">{t('receivables.status.reversed')}</Badge>}
          </Group>
          {invoice.status === 'reversed' && <Alert color="gray">{t('receivables.invoice.reversedOn', { date: invoice.reversedOn, reason: invoice.reversalReason })}</Alert>}
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('receivables.field.description')}</Table.Th>
                <Table.Th ta="right">{t('receivables.invoice.quantity')}</Table.Th>
                <Table.Th ta="right">{t('receivables.invoice.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('receivables.field.vatRate')}</Table.Th>
                <Table.Th ta="right">{t('receivables.invoice.lineTotal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((l) => (
                <Table.Tr key={l.lineNo}>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td ta="right">{l.quantity} {l.unit}</Table.Td>
                  <Table.Td ta="right">{formatFen(l.unitPrice)}</Table.Td>
                  <Table.Td ta="right">{l.vatRate / 100}%</Table.Td>
                  <Table.Td ta="right">{formatFen(l.gross)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Settlements invoice={invoice} />
          {invoice.status === 'posted' && (
            <Group justify="flex-end">
              {invoice.kind === 'invoice' && (
                <WriteButton color="grape" variant="light" onClick={() => setCorrecting(true)} data-testid="price-correction">
                  {t('receivables.credit.correction')}
                </WriteButton>
              )}
              <WriteButton color="red" variant="light" onClick={() => setReversing(true)} data-testid="reverse-invoice">
                {t('receivables.invoice.reverse')}
              </WriteButton>
            </Group>
          )}
          {invoice.kind === 'invoice' && <PriceCorrectionModal invoice={invoice} opened={correcting} onClose={() => setCorrecting(false)} />}
        </Stack>
      )}
      <Modal opened={reversing} onClose={() => setReversing(false)} title={t('receivables.invoice.reverseTitle', { number: invoice?.invoiceNo ?? '' })}>
        <Stack>
          <Text size="sm" c="dimmed">{t('receivables.invoice.reverseHint')}</Text>
          <TextInput label={t('receivables.field.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus required />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReversing(false)}>{t('common.cancel')}</Button>
            <Button
              color="red"
              loading={reverse.isPending}
              disabled={!reason.trim()}
              onClick={() =>
                invoice &&
                reverse.mutate(
                  { id: invoice.id, reason },
                  {
                    onSuccess: (done) => {
                      notifications.show({ color: 'teal', message: t('receivables.invoice.reversed', { number: done.invoiceNo }) });
                      setReversing(false);
                      setReason('');
                    },
                  },
                )
              }
            >
              {t('receivables.invoice.reverse')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Drawer>
  );
}
