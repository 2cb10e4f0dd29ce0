import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, yuan } from '../../../src-main/domain/core/money';
import type { Invoice } from '../../../src-main/domain/receivables/receivables.dto';
import { InvoiceHeaderFields, invoiceHeaderInput, newInvoiceHeader } from './InvoiceHeaderFields';
import { useInvoicePosting } from './use-invoice-posting';

const VAT_RATES = ['0', '100', '300', '600', '900', '1300'];

/** 价格更正: a price agreed lower after invoicing becomes a credit note (含税) applied to the invoice. */
export function PriceCorrectionModal({ invoice, opened, onClose }: { invoice: Invoice; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const firstRate = String(invoice.lines[0]?.vatRate ?? 1300);
  const [amount, setAmount] = useState<number | string>('');
  const [vatRate, setVatRate] = useState(firstRate);
  const [reason, setReason] = useState('');
  const [header, setHeader] = useState(newInvoiceHeader);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!opened) return;
    setAmount('');
    setVatRate(firstRate);
    setReason('');
    setHeader(newInvoiceHeader());
    setErrors({});
  }, [opened, firstRate]);
  const post = useInvoicePosting('receivables.creditPriceCorrection', { onClose, setErrors });
  const ready = typeof amount === 'number' && amount > 0 && reason.trim() !== '';
  const rates = VAT_RATES.includes(firstRate) ? VAT_RATES : [...VAT_RATES, firstRate];
  return (
    <Modal opened={opened} onClose={onClose} title={t('receivables.credit.correctionTitle', { number: invoice.invoiceNo })} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">{t('receivables.credit.correctionHint', { total: formatFen(invoice.totalGross) })}</Text>
        <Group grow align="flex-start">
          <NumberInput label={t('receivables.credit.correctionAmount')} value={amount} onChange={setAmount} min={0} decimalScale={2} thousandSeparator="," error={errors.amount} required data-autofocus data-testid="correction-amount" />
          <Select label={t('receivables.field.vatRate')} data={rates.map((v) => ({ value: v, label: `${Number(v) / 100}%` }))} value={vatRate} onChange={(v) => setVatRate(v ?? firstRate)} allowDeselect={false} error={errors.vatRate} data-testid="correction-vat" />
        </Group>
        <TextInput label={t('receivables.field.reason')} placeholder={t('receivables.credit.correctionReasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} maxLength={200} required data-testid="correction-reason" />
        <InvoiceHeaderFields values={header} onChange={setHeader} errors={errors} paymentTermsDays={null} creditNote />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            color="grape"
            disabled={!ready}
            loading={post.isPending}
            onClick={() => typeof amount === 'number' && post.mutate({ correctsInvoiceId: invoice.id, amount: yuan(amount), vatRate: Number(vatRate), reason: reason.trim(), ...invoiceHeaderInput(header, {}), invoiceType: invoice.invoiceType })}
            data-testid="post-correction"
          >
            {t('receivables.credit.post')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
