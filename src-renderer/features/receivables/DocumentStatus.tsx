import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../src-main/domain/core/dates';
import type { Invoice, Receipt } from '../../../src-main/domain/receivables/receivables.dto';

type InvoiceState = Pick<Invoice, 'kind' | 'status' | 'dueDate' | 'totalGross' | 'openAmount'>;

/**
 * Where an invoice or credit note stands today, from the figures its list row carries: reversed,
 * paid, part paid, overdue by so many days or not yet due; a credit note, how much of it is used.
 */
export function InvoiceStatus({ invoice, today }: { invoice: InvoiceState; today: string }) {
  const { t } = useTranslation();
  const { kind, status, dueDate, totalGross, openAmount } = invoice;
  const badges: { key: string; color: string; label: string }[] = [];
  if (kind === 'credit_note') badges.push({ key: 'kind', color: 'grape', label: t('receivables.kind.credit_note') });
  if (status === 'reversed') badges.push({ key: 'state', color: 'gray', label: t('receivables.status.reversed') });
  else if (kind === 'credit_note') {
    if (openAmount <= 0) badges.push({ key: 'state', color: 'gray', label: t('receivables.state.creditUsed') });
    else if (openAmount < totalGross) badges.push({ key: 'state', color: 'yellow', label: t('receivables.state.creditPartlyUsed') });
    else badges.push({ key: 'state', color: 'blue', label: t('receivables.state.creditUnused') });
  } else if (openAmount <= 0) badges.push({ key: 'state', color: 'teal', label: t('receivables.state.paid') });
  else {
    if (openAmount < totalGross) badges.push({ key: 'part', color: 'yellow', label: t('receivables.state.partlyPaid') });
    if (dueDate < today) badges.push({ key: 'state', color: 'red', label: t('receivables.invoices.overdueDays', { count: daysBetween(dueDate, today) }) });
    else if (dueDate === today) badges.push({ key: 'state', color: 'orange', label: t('receivables.state.dueToday') });
    else badges.push({ key: 'state', color: 'blue', label: t('receivables.state.notDue') });
  }
  return (
    <Group gap={4} wrap="nowrap" data-testid="invoice-status">
      {badges.map((b) => (
        <Badge key={b.key} color={b.color} variant="light">
          {b.label}
        </Badge>
      ))}
    </Group>
  );
}

/** How much of a receipt is allocated: none, part or all of it; or that it was reversed. */
export function ReceiptStatus({ receipt }: { receipt: Pick<Receipt, 'status' | 'amount' | 'unappliedAmount'> }) {
  const { t } = useTranslation();
  const [color, label] =
    receipt.status === 'reversed'
      ? ['gray', t('receivables.status.reversed')]
      : receipt.unappliedAmount <= 0
        ? ['teal', t('receivables.state.applied')]
        : receipt.unappliedAmount < receipt.amount
          ? ['yellow', t('receivables.state.partlyApplied')]
          : ['orange', t('receivables.state.unapplied')];
  return (
    <Badge color={color} variant="light" data-testid="receipt-status">
      {label}
    </Badge>
  );
}
