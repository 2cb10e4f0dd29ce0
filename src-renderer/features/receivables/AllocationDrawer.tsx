import { Alert, Button, Drawer, Group, Loader, Modal, NumberInput, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, yuan } from '../../../src-main/domain/core/money';
import type { Invoice } from '../../../src-main/domain/receivables/receivables.dto';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../auth/current-user';
import { RefundModal } from './RefundModal';

/**
 * 核销: a receipt's money against the customer's open invoices, oldest due first. A click or Enter
 * on an invoice allocates what it has open (at most what is left); a small difference is written off.
 */
export function AllocationDrawer({ receiptId, onClose }: { receiptId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const receipt = useApiQuery('receivables.getReceipt', { id: receiptId ?? '' }, { enabled: receiptId !== null }).data;
  const open = useApiQuery('receivables.listInvoices', { filters: { customerId: receipt?.customerId, kind: 'invoice', openOnly: true }, pageSize: 200 }, { enabled: !!receipt }).data;
  const allocate = useApiMutation('receivables.allocate');
  const auto = useApiMutation('receivables.autoAllocate');
  const writeOff = useApiMutation('receivables.writeOff');
  const [cursor, setCursor] = useState(0);
  const [writingOff, setWritingOff] = useState<Invoice | null>(null);
  const [refunding, setRefunding] = useState(false);
  const invoices = [...(open?.rows ?? [])].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const left = receipt?.unappliedAmount ?? 0;
  const usable = receipt?.status === 'posted' && can('receivables.write');

  function allocateTo(invoice: Invoice) {
    if (!receipt || left <= 0) return;
    const amount = Math.min(left, invoice.openAmount);
    allocate.mutate(
      { receiptId: receipt.id, allocations: [{ invoiceId: invoice.id, amount }], allocationDate: receipt.receiptDate > invoice.invoiceDate ? receipt.receiptDate : invoice.invoiceDate },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('receivables.allocation.allocated', { amount: formatFen(amount), number: invoice.invoiceNo }) }) },
    );
  }

  function onKey(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, invoices.length - 1));
    else if (event.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0));
    else if (event.key === 'Enter' && invoices[cursor] && usable) allocateTo(invoices[cursor]);
    else return;
    event.preventDefault();
  }

  return (
    <Drawer opened={receiptId !== null} onClose={onClose} position="right" size="xl" title={receipt ? t('receivables.allocation.title', { number: receipt.receiptNo }) : ''}>
      {!receipt || !open ? (
        <Loader />
      ) : (
        <Stack gap="sm" data-testid="allocation-drawer">
          <Text fw={600}>{receipt.customerName}</Text>
          <Group justify="space-between">
            <Text data-testid="allocation-summary">{t('receivables.allocation.summary', { amount: formatFen(receipt.amount), left: formatFen(left) })}</Text>
            {usable && left > 0 && invoices.length > 0 && (
              <Button size="xs" loading={auto.isPending} onClick={() => auto.mutate({ receiptId: receipt.id, allocationDate: receipt.receiptDate })} data-testid="auto-allocate">
                {t('receivables.allocation.auto')}
              </Button>
            )}
          </Group>
          {left === 0 && <Alert color="teal">{t('receivables.allocation.done')}</Alert>}
          {receipt.status === 'posted' && left > 0 && (
            <Group justify="flex-end">
              <Tooltip label={t('receivables.allocation.needsWrite')} disabled={can('receivables.write')}>
                {/* data-disabled, not disabled: a disabled button takes no hover, so the tooltip saying why would never show. */}
                <Button size="xs" variant="default" data-disabled={!can('receivables.write') || undefined} onClick={() => can('receivables.write') && setRefunding(true)} data-testid="refund">
                  {t('receivables.refund.open', { amount: formatFen(left) })}
                </Button>
              </Tooltip>
            </Group>
          )}
          {invoices.length === 0 ? (
            <Text c="dimmed">{t('receivables.allocation.noOpen')}</Text>
          ) : (
            <>
              <Text size="xs" c="dimmed">{t('receivables.allocation.hint')}</Text>
              <Table highlightOnHover verticalSpacing={6} tabIndex={0} onKeyDown={onKey} data-testid="open-invoices" style={{ outline: 'none' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('receivables.field.invoiceNo')}</Table.Th>
                    <Table.Th>{t('receivables.field.dueDate')}</Table.Th>
                    <Table.Th ta="right">{t('receivables.field.total')}</Table.Th>
                    <Table.Th ta="right">{t('receivables.field.open')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invoices.map((invoice, i) => (
                    <Table.Tr
                      key={invoice.id}
                      bg={i === cursor ? 'var(--mantine-color-blue-light)' : undefined}
                      onClick={() => {
                        setCursor(i);
                        if (usable) allocateTo(invoice);
                      }}
                      style={{ cursor: usable && left > 0 ? 'pointer' : undefined }}
                      data-testid={`open-invoice-${invoice.invoiceNo}`}
                    >
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{invoice.invoiceNo}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{invoice.dueDate}</Table.Td>
                      <Table.Td ta="right">{formatFen(invoice.totalGross)}</Table.Td>
                      <Table.Td ta="right" fw={600}>{formatFen(invoice.openAmount)}</Table.Td>
                      <Table.Td ta="right">
                        {/* Shown to everyone, so a sales manager sees why it is the accountant's or owner's call. */}
                        <Tooltip label={t('receivables.allocation.needsWriteOff')} disabled={can('receivables.writeOff')}>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            data-disabled={!can('receivables.writeOff') || undefined}
                            onClick={(e) => {
                              e.stopPropagation();
                              if (can('receivables.writeOff')) setWritingOff(invoice);
                            }}
                            data-testid="write-off"
                          >
                            {t('receivables.allocation.writeOff')}
                          </Button>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Stack>
      )}
      {refunding && receipt && <RefundModal receipt={receipt} onClose={() => setRefunding(false)} />}
      {writingOff && (
        <WriteOffModal
          key={writingOff.id}
          invoice={writingOff}
          date={receipt?.receiptDate ?? null}
          pending={writeOff.isPending}
          onClose={() => setWritingOff(null)}
          onSave={(input) =>
            writeOff.mutate(input, {
              onSuccess: (done) => {
                notifications.show({ color: 'teal', message: t('receivables.allocation.writtenOff', { amount: formatFen(done.amount) }) });
                setWritingOff(null);
              },
            })
          }
        />
      )}
    </Drawer>
  );
}

function WriteOffModal({ invoice, date, pending, onClose, onSave }: { invoice: Invoice; date: string | null; pending: boolean; onClose: () => void; onSave: (input: { invoiceId: string; amount: number; reason: string; date: string | null }) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState(t('receivables.allocation.writeOffDefault'));
  // What is open, as the usual case: the customer paid all but the 零头.
  const [amount, setAmount] = useState<number | string>(invoice.openAmount / 100);
  const value = typeof amount === 'number' ? amount : 0;
  return (
    <Modal opened onClose={onClose} title={t('receivables.allocation.writeOffTitle', { number: invoice.invoiceNo, amount: formatFen(invoice.openAmount) })}>
      <Stack>
        <Text size="sm" c="dimmed">{t('receivables.allocation.writeOffHint')}</Text>
        <NumberInput label={t('receivables.field.amount')} value={amount} onChange={setAmount} min={0} decimalScale={2} data-testid="write-off-amount" />
        <TextInput label={t('receivables.field.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            loading={pending}
            disabled={!reason.trim() || value <= 0}
            onClick={() => onSave({ invoiceId: invoice.id, amount: yuan(value), reason, date: date && date > invoice.invoiceDate ? date : invoice.invoiceDate })}
            data-testid="save-write-off"
          >
            {t('receivables.allocation.writeOff')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
