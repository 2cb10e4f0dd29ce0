import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import { vouchersContract } from '../../../src-main/domain/vouchers/vouchers.contract';
import { api } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ContractForm, useContractForm } from '../../components/form/contract-form';

/** 结账: what the month holds (vouchers, totals) before the accountant seals it. */
export function CloseMonthModal({ period, onClose }: { period: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const summary = useApiQuery('vouchers.periodSummary', { period: period ?? '2000-01' }, { enabled: period !== null });
  const close = useApiMutation('vouchers.closePeriod', {
    onSuccess: (_status, input) => {
      notifications.show({ color: 'teal', message: t('vouchers.periods.closedNote', { period: input.period }) });
      onClose();
    },
  });
  return (
    <Modal opened={period !== null} onClose={onClose} title={period ? t('vouchers.periods.closeTitle', { period }) : ''}>
      <Stack>
        {summary.data ? (
          <Text data-testid="close-month-summary">
            {t('vouchers.periods.closeContains', { count: summary.data.voucherCount, debit: formatFen(summary.data.debitTotal), credit: formatFen(summary.data.creditTotal) })}
          </Text>
        ) : (
          <Loader size="sm" />
        )}
        <Alert color="blue" icon={<IconInfoCircle size={18} />}>
          {t('vouchers.periods.closeEarlier')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={close.isPending} onClick={() => period && close.mutate({ period })} data-testid="confirm-close-month">
            {t('vouchers.periods.closeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReopenForm({ period, onClose }: { period: string; onClose: () => void }) {
  const { t } = useTranslation();
  const editor = useContractForm({
    initialValues: { period, reason: '' },
    schema: vouchersContract['vouchers.reopenPeriod'].input,
    save: (values) => api.vouchers.reopenPeriod(values),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('vouchers.periods.reopenedNote', { period }) });
      onClose();
    },
  });
  return (
    <ContractForm editor={editor} onCancel={onClose} saveTestId="confirm-reopen-month">
      <Stack gap="sm">
        <Text size="sm">{t('vouchers.periods.reopenText')}</Text>
        <TextInput label={t('vouchers.periods.reason')} placeholder={t('vouchers.periods.reasonPlaceholder')} withAsterisk data-autofocus data-testid="reopen-reason" {...editor.form.getInputProps('reason')} />
      </Stack>
    </ContractForm>
  );
}

/** 反结账: the owner reopens the latest closed month, saying why (the reason is kept with the event). */
export function ReopenMonthModal({ period, onClose }: { period: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={period !== null} onClose={onClose} title={period ? t('vouchers.periods.reopenTitle', { period }) : ''}>
      {period && <ReopenForm key={period} period={period} onClose={onClose} />}
    </Modal>
  );
}
