import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, yuan } from '../../../src-main/domain/core/money';
import { REFUND_METHODS, type Receipt, type RefundMethod } from '../../../src-main/domain/receivables/receivables.dto';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { businessToday } from '../../format';
import { shortcutTarget } from '../../components/shortcut-targets';

/** 退款: pays back what a receipt has left unallocated (an over-payment), by money. */
export function RefundModal({ receipt, onClose }: { receipt: Receipt; onClose: () => void }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState<number | string>(receipt.unappliedAmount / 100);
  const [method, setMethod] = useState<RefundMethod>('bank_transfer');
  const [reference, setReference] = useState('');
  const today = businessToday();
  const [date, setDate] = useState<string | null>(today > receipt.receiptDate ? today : receipt.receiptDate);
  const refund = useApiMutation('receivables.refund');
  const value = typeof amount === 'number' ? amount : 0;
  function save() {
    refund.mutate(
      { receiptId: receipt.id, amount: yuan(value), method, reference: reference.trim() || null, date },
      {
        onSuccess: (done) => {
          notifications.show({ color: 'teal', message: t('receivables.refund.done', { amount: formatFen(done.amount) }) });
          onClose();
        },
      },
    );
  }
  return (
    <Modal opened onClose={onClose} title={t('receivables.refund.title', { number: receipt.receiptNo })}>
      <Stack>
        <Text size="sm" c="dimmed">{t('receivables.refund.hint', { amount: formatFen(receipt.unappliedAmount) })}</Text>
        <Group grow>
          <NumberInput label={t('receivables.field.amount')} value={amount} onChange={setAmount} min={0} decimalScale={2} thousandSeparator="," data-testid="refund-amount" />
          <DateField label={t('receivables.refund.date')} value={date} onChange={(v) => setDate(v as string | null)} required />
        </Group>
        <Group grow>
          <Select
            label={t('receivables.field.method')}
            data={REFUND_METHODS.map((m) => ({ value: m, label: t(`receivables.method.${m}`) }))}
            value={method}
            onChange={(v) => setMethod((v as RefundMethod | null) ?? 'bank_transfer')}
            allowDeselect={false}
          />
          <TextInput label={t('receivables.field.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={refund.isPending} disabled={value <= 0 || !date} onClick={save} data-testid="save-refund" {...shortcutTarget('save')}>
            {t('receivables.refund.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
