import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../src-main/domain/core/money';
import { RECEIPT_METHODS, type ReceiptMethod } from '../../../src-main/domain/receivables/receivables.dto';
import { useApiMutation } from '../../api/hooks';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DateField } from '../../components/DateField';
import { businessToday } from '../../format';
import { shortcutTarget } from '../../components/shortcut-targets';

/** 登记收款: who paid, when, how much and how; allocated at once unless unticked. */
export function ReceiptModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(businessToday());
  const [method, setMethod] = useState<ReceiptMethod>('bank_transfer');
  const [amount, setAmount] = useState<number | string>('');
  const [reference, setReference] = useState('');
  const [maturity, setMaturity] = useState<string | null>(null);
  const [auto, setAuto] = useState(true);
  const create = useApiMutation('receivables.createReceipt');
  const bill = method === 'acceptance_bill';
  const ready = customerId && date && typeof amount === 'number' && amount > 0 && (!bill || maturity);
  function save() {
    if (!customerId || !date || typeof amount !== 'number') return;
    create.mutate(
      { customerId, receiptDate: date, method, amount: yuan(amount), reference: reference || null, billMaturityDate: bill ? maturity : null, autoAllocate: auto },
      {
        onSuccess: ({ receipt, allocations }) => {
          notifications.show({ color: 'teal', message: t('receivables.payments.created', { number: receipt.receiptNo, count: allocations.length }) });
          setAmount('');
          setReference('');
          onClose();
          onCreated(receipt.id);
        },
      },
    );
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('receivables.payments.add')} size="lg">
      <Stack>
        <CustomerPicker label={t('receivables.field.customer')} value={customerId} onChange={setCustomerId} required data-autofocus />
        <Group grow>
          <DateField label={t('receivables.field.receiptDate')} value={date} onChange={(v) => setDate(v as string | null)} required />
          <Select
            label={t('receivables.field.method')}
            data={RECEIPT_METHODS.map((m) => ({ value: m, label: t(`receivables.method.${m}`) }))}
            value={method}
            onChange={(v) => setMethod((v as ReceiptMethod | null) ?? 'bank_transfer')}
            allowDeselect={false}
          />
        </Group>
        <Group grow>
          <NumberInput label={t('receivables.field.amount')} value={amount} onChange={setAmount} min={0} decimalScale={2} thousandSeparator="," required data-testid="receipt-amount" />
          <TextInput label={t('receivables.field.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
        </Group>
        {bill && <DateField label={t('receivables.field.billMaturityDate')} value={maturity} onChange={(v) => setMaturity(v as string | null)} required />}
        <Checkbox label={t('receivables.payments.autoAllocate')} checked={auto} onChange={(e) => setAuto(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={!ready} loading={create.isPending} onClick={save} data-testid="save-receipt" {...shortcutTarget('save')}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
