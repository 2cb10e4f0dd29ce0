import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../src-main/domain/core/money';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DateField } from '../../components/DateField';
import { businessToday } from '../../format';
import { shortcutTarget } from '../../components/shortcut-targets';
import { useInvoicePosting } from './use-invoice-posting';

/** A standalone invoice for a service (安装、运费、维护): one line, VAT 6 % unless chosen otherwise. */
export function ServiceInvoiceModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(businessToday());
  const [description, setDescription] = useState(t('receivables.invoice.serviceDefault'));
  const [amount, setAmount] = useState<number | string>('');
  const [vatRate, setVatRate] = useState('600');
  const create = useInvoicePosting('receivables.invoiceServices', { onClose, onCreated: (invoice) => onCreated(invoice.id) });
  const ready = customerId && typeof amount === 'number' && amount > 0 && description.trim();
  return (
    <Modal opened={opened} onClose={onClose} title={t('receivables.invoice.serviceTitle')} size="lg">
      <Stack>
        <CustomerPicker label={t('receivables.field.customer')} value={customerId} onChange={setCustomerId} required data-autofocus />
        <Group grow>
          <DateField label={t('receivables.field.invoiceDate')} value={date} onChange={(v) => setDate(v as string | null)} />
          <Select label={t('receivables.field.vatRate')} data={['0', '300', '600', '900', '1300'].map((v) => ({ value: v, label: `${Number(v) / 100}%` }))} value={vatRate} onChange={(v) => setVatRate(v ?? '600')} allowDeselect={false} />
        </Group>
        <TextInput label={t('receivables.field.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} required />
        <NumberInput label={t('receivables.field.amount')} value={amount} onChange={setAmount} min={0} decimalScale={2} thousandSeparator="," required data-testid="service-amount" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            {...shortcutTarget('save')}
            disabled={!ready}
            loading={create.isPending}
            onClick={() =>
              customerId &&
              typeof amount === 'number' &&
              create.mutate({ customerId, invoiceDate: date, pricesIncludeTax: true, lines: [{ description, quantity: 1, unitPrice: yuan(amount), vatRate: Number(vatRate) }] })
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
