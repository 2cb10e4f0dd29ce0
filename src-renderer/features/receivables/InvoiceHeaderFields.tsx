import { Button, type ButtonProps, Group, SegmentedControl, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../src-main/domain/core/dates';
import { INVOICE_TYPES, type InvoiceType } from '../../../src-main/domain/receivables/receivables.dto';
import { DateField } from '../../components/DateField';
import { businessToday } from '../../format';
import { useCan } from '../auth/current-user';

/** What every way of making an invoice asks: date, 普通/专用, the tax invoice issued outside, a project. */
export interface InvoiceHeaderValues {
  invoiceDate: string | null;
  invoiceType: InvoiceType;
  taxInvoiceNo: string;
  taxInvoiceDate: string | null;
  project: string;
}

export function newInvoiceHeader(): InvoiceHeaderValues {
  return { invoiceDate: businessToday(), invoiceType: 'ordinary', taxInvoiceNo: '', taxInvoiceDate: null, project: '' };
}

/** The contract's header fields; blanks are left out so the server applies its defaults. */
export function invoiceHeaderInput(values: InvoiceHeaderValues, include: { type?: boolean; project?: boolean } = { type: true, project: true }) {
  return {
    ...(values.invoiceDate ? { invoiceDate: values.invoiceDate } : {}),
    ...(include.type ? { invoiceType: values.invoiceType } : {}),
    ...(values.taxInvoiceNo.trim() ? { taxInvoiceNo: values.taxInvoiceNo.trim() } : {}),
    ...(values.taxInvoiceDate ? { taxInvoiceDate: values.taxInvoiceDate } : {}),
    ...(include.project && values.project.trim() ? { project: values.project.trim() } : {}),
  };
}

interface Props {
  values: InvoiceHeaderValues;
  onChange: (values: InvoiceHeaderValues) => void;
  /** The server's refusals by input path (`invoiceDate`, `taxInvoiceNo`…). */
  errors: Record<string, string>;
  /** The customer's payment terms: the due date follows from the invoice date. Null for a credit note (due at once) or before a customer is chosen. */
  paymentTermsDays: number | null;
  /** A credit note has no 普通/专用 choice of its own and no project. */
  creditNote?: boolean;
}

export function InvoiceHeaderFields({ values, onChange, errors, paymentTermsDays, creditNote = false }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<InvoiceHeaderValues>) => onChange({ ...values, ...patch });
  const due = paymentTermsDays !== null && values.invoiceDate ? addDays(values.invoiceDate, paymentTermsDays) : null;
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <DateField label={t('receivables.field.invoiceDate')} value={values.invoiceDate} onChange={(v) => set({ invoiceDate: v as string | null })} error={errors.invoiceDate} data-testid="invoice-date" />
        {!creditNote && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('receivables.field.dueDate')}</Text>
            <Text size="sm" py={6} data-testid="invoice-due-date">
              {due ? t('receivables.issue.dueOn', { date: due, days: paymentTermsDays, count: paymentTermsDays }) : t('receivables.issue.dueAfterCustomer')}
            </Text>
          </Stack>
        )}
      </Group>
      {!creditNote && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('receivables.field.invoiceType')}</Text>
          <SegmentedControl
            value={values.invoiceType}
            onChange={(v) => set({ invoiceType: v as InvoiceType })}
            data={INVOICE_TYPES.map((type) => ({ value: type, label: t(`receivables.invoiceType.${type}`) }))}
            data-testid="invoice-type"
          />
          {errors.invoiceType && <Text size="xs" c="red">{errors.invoiceType}</Text>}
        </Stack>
      )}
      <Group grow align="flex-start">
        <TextInput label={t('receivables.field.taxInvoiceNo')} description={t('receivables.issue.taxInvoiceHint')} value={values.taxInvoiceNo} onChange={(e) => set({ taxInvoiceNo: e.currentTarget.value })} error={errors.taxInvoiceNo} maxLength={40} data-testid="tax-invoice-no" />
        <DateField label={t('receivables.field.taxInvoiceDate')} description={' '} value={values.taxInvoiceDate} onChange={(v) => set({ taxInvoiceDate: v as string | null })} error={errors.taxInvoiceDate} data-testid="tax-invoice-date" />
      </Group>
      {!creditNote && (
        <TextInput label={t('receivables.field.project')} placeholder={t('receivables.issue.projectHint')} value={values.project} onChange={(e) => set({ project: e.currentTarget.value })} error={errors.project} maxLength={60} data-testid="invoice-project" />
      )}
    </Stack>
  );
}

/** A button the role may lack: shown disabled with the reason rather than hidden, so the way is known. */
export function WriteButton({ children, onClick, ...props }: { children: ReactNode; onClick: () => void } & ButtonProps & { 'data-testid'?: string }) {
  const { t } = useTranslation();
  const allowed = useCan()('receivables.write');
  return (
    <Tooltip label={t('receivables.issue.needsWrite')} disabled={allowed}>
      {/* data-disabled, not disabled: a disabled button takes no hover, so the tooltip saying why would never show. */}
      <Button {...props} data-disabled={!allowed || undefined} onClick={() => allowed && onClick()}>
        {children}
      </Button>
    </Tooltip>
  );
}
