import { Badge, Button, Grid, Group, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import type { InvoiceToMatch, MoneyToMatch } from '../../../src-main/domain/receivables/receivables.dto';
import { useApiMutation } from '../../api/hooks';

/** The selected invoices in list order (oldest due first), each taking what it has open until the money runs out. */
export function matchingPlan(money: MoneyToMatch, invoices: InvoiceToMatch[], selected: Set<string>): { invoice: InvoiceToMatch; amount: number }[] {
  let left = money.unapplied;
  const plan: { invoice: InvoiceToMatch; amount: number }[] = [];
  for (const invoice of invoices) {
    if (!selected.has(invoice.id) || left === 0) continue;
    const amount = Math.min(left, invoice.openAmount);
    plan.push({ invoice, amount });
    left -= amount;
  }
  return plan;
}

const NUMERIC = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * 勾对: a receipt or credit note on the left, open invoices on the right; click or ←→ ↑↓ and space
 * to choose, Enter (or the button) allocates. The server decides; this only proposes the amounts.
 */
export function MatchingPanel({ unmatched, openInvoices, writable }: { unmatched: MoneyToMatch[]; openInvoices: InvoiceToMatch[]; writable: boolean }) {
  const { t } = useTranslation();
  const allocate = useApiMutation('receivables.allocate');
  const [moneyId, setMoneyId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [side, setSide] = useState<'money' | 'invoices'>('money');
  const [cursor, setCursor] = useState({ money: 0, invoices: 0 });
  const money = unmatched.find((m) => m.id === moneyId) ?? null;
  const chosen = new Set([...selected].filter((id) => openInvoices.some((i) => i.id === id)));
  const plan = money ? matchingPlan(money, openInvoices, chosen) : [];
  const total = plan.reduce((sum, p) => sum + p.amount, 0);

  function toggleInvoice(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function submit() {
    if (!money || plan.length === 0 || !writable || allocate.isPending) return;
    // Dated no earlier than the money and any chosen invoice, as the allocation drawer does.
    const allocationDate = [money.date, ...plan.map((p) => p.invoice.invoiceDate)].sort().at(-1)!;
    allocate.mutate(
      {
        ...(money.kind === 'receipt' ? { receiptId: money.id } : { creditNoteId: money.id }),
        allocations: plan.map((p) => ({ invoiceId: p.invoice.id, amount: p.amount })),
        allocationDate,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('receivables.reconciliation.allocated', { amount: formatFen(total) }) });
          setSelected(new Set());
          setMoneyId(null);
        },
      },
    );
  }

  function onKey(event: KeyboardEvent) {
    const rows = side === 'money' ? unmatched.length : openInvoices.length;
    const at = cursor[side];
    if (event.key === 'ArrowLeft') setSide('money');
    else if (event.key === 'ArrowRight') setSide('invoices');
    else if (event.key === 'ArrowDown') setCursor({ ...cursor, [side]: Math.min(at + 1, Math.max(rows - 1, 0)) });
    else if (event.key === 'ArrowUp') setCursor({ ...cursor, [side]: Math.max(at - 1, 0) });
    else if (event.key === ' ') {
      if (side === 'money' && unmatched[at]) {
        setMoneyId(unmatched[at].id === moneyId ? null : unmatched[at].id);
        setSide('invoices');
      } else if (side === 'invoices' && openInvoices[at]) toggleInvoice(openInvoices[at].id);
    } else if (event.key === 'Enter') submit();
    else return;
    event.preventDefault();
  }

  const rowStyle = (active: boolean, picked: boolean) => ({
    cursor: 'pointer',
    background: picked ? 'var(--mantine-color-blue-light)' : undefined,
    outline: active ? '2px solid var(--mantine-color-blue-5)' : undefined,
    outlineOffset: -2,
  });

  return (
    <Paper withBorder p="sm" tabIndex={0} onKeyDown={onKey} data-testid="matching" style={{ outlineColor: 'var(--mantine-color-blue-4)' }}>
      <Group justify="space-between" mb={6} wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{t('receivables.reconciliation.matchTitle')}</Text>
          <Text size="xs" c="dimmed">{t('receivables.reconciliation.matchHint')}</Text>
        </div>
        {writable && (
          <Button size="xs" disabled={plan.length === 0} loading={allocate.isPending} onClick={submit} data-testid="match-allocate" style={{ flexShrink: 0 }}>
            {plan.length ? `${t('receivables.reconciliation.allocate')} ${formatFen(total)}` : t('receivables.reconciliation.allocate')}
          </Button>
        )}
      </Group>
      {plan.length > 0 && (
        <Text size="sm" mb={6} data-testid="match-plan">
          {t('receivables.reconciliation.plan', { number: money!.number, lines: plan.map((p) => `${p.invoice.invoiceNo} ${formatFen(p.amount)}`).join('，') })}
        </Text>
      )}
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Text size="sm" fw={600} mb={4} c={side === 'money' ? 'blue' : undefined}>{t('receivables.reconciliation.money')}</Text>
          {unmatched.length === 0 ? (
            <Text size="sm" c="dimmed">{t('receivables.reconciliation.noMoney')}</Text>
          ) : (
            <Table verticalSpacing={4} data-testid="match-money">
              <Table.Tbody>
                {unmatched.map((m, i) => (
                  <Table.Tr
                    key={m.id}
                    style={rowStyle(side === 'money' && cursor.money === i, m.id === moneyId)}
                    onClick={() => {
                      setSide('money');
                      setCursor({ ...cursor, money: i });
                      setMoneyId(m.id === moneyId ? null : m.id);
                    }}
                    data-testid={`money-${m.number}`}
                    aria-selected={m.id === moneyId}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {m.number}
                      {m.kind === 'credit_note' && <Badge size="xs" ml={4} variant="light" color="grape">{t('receivables.kind.credit_note')}</Badge>}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.date}</Table.Td>
                    <Table.Td ta="right" fw={600} style={NUMERIC}>{formatFen(m.unapplied)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Text size="sm" fw={600} mb={4} c={side === 'invoices' ? 'blue' : undefined}>{t('receivables.reconciliation.invoices')}</Text>
          {openInvoices.length === 0 ? (
            <Text size="sm" c="dimmed">{t('receivables.reconciliation.noInvoices')}</Text>
          ) : (
            <Table verticalSpacing={4} data-testid="match-invoices">
              <Table.Tbody>
                {openInvoices.map((invoice, i) => (
                  <Table.Tr
                    key={invoice.id}
                    style={rowStyle(side === 'invoices' && cursor.invoices === i, chosen.has(invoice.id))}
                    onClick={() => {
                      setSide('invoices');
                      setCursor({ ...cursor, invoices: i });
                      toggleInvoice(invoice.id);
                    }}
                    data-testid={`invoice-${invoice.invoiceNo}`}
                    aria-selected={chosen.has(invoice.id)}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{invoice.invoiceNo}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" c={invoice.daysOverdue > 0 ? 'red' : 'dimmed'} span>
                        {invoice.daysOverdue > 0 ? t('receivables.reconciliation.overdueDays', { count: invoice.daysOverdue }) : t('receivables.reconciliation.due', { date: invoice.dueDate })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" fw={600} style={NUMERIC}>{formatFen(invoice.openAmount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
