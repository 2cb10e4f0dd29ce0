import { Alert, Button, Group, Modal, Progress, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOUCHER_FORMATS, type VoucherFormat } from '../../../src-main/domain/vouchers/vouchers.dto';
import { ApiCallError } from '../../api/client';
import { notifyError, useApiMutation, useJob } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { saveExport } from '../../components/download';
import { formatTimestamp } from '../../format';

interface Repeat {
  count: number;
  at: string | null;
}

/** 导出凭证: a span of dates in one of the four formats, downloaded; a span exported before needs a second, informed yes. */
export function ExportVouchersModal({ opened, onClose, from: monthFrom, to: monthTo }: { opened: boolean; onClose: () => void; from: string; to: string }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<VoucherFormat>('kingdee');
  const [from, setFrom] = useState<string | null>(monthFrom);
  const [to, setTo] = useState<string | null>(monthTo);
  const [repeat, setRepeat] = useState<Repeat | null>(null);
  const job = useJob();
  const written = job.progress;
  useEffect(() => {
    setFrom(monthFrom);
    setTo(monthTo);
    setRepeat(null);
  }, [monthFrom, monthTo, opened]);
  const exporting = useApiMutation('vouchers.export', {
    onError: (error) => {
      if (error instanceof ApiCallError && error.code === 'CANCELLED') {
        notifications.show({ color: 'gray', message: t('vouchers.export.cancelled') });
        return;
      }
      const issue = error instanceof ApiCallError ? error.issues.find((i) => i.code === 'already_exported') : undefined;
      if (issue) setRepeat({ count: Number(issue.params?.count ?? 1), at: typeof issue.params?.at === 'string' ? issue.params.at : null });
      else notifyError(error);
    },
    onSuccess: (file) => {
      saveExport({ fileName: file.fileName, content: file.content, rows: file.voucherCount });
      notifications.show({ color: 'teal', message: t('vouchers.export.done', { count: file.voucherCount, file: file.fileName }) });
      onClose();
    },
  });
  const send = (confirmed: boolean) => {
    if (!from || !to) return;
    exporting.mutate({ from, to, format, repeat: confirmed, jobId: job.start() }, { onSettled: job.finish });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('vouchers.export.title')} size="lg">
      <Stack>
        <Radio.Group label={t('vouchers.export.format')} value={format} onChange={(v) => setFormat(v as VoucherFormat)}>
          <Stack gap={6} mt={6}>
            {VOUCHER_FORMATS.map((f) => (
              <Radio key={f} value={f} label={t(`vouchers.export.formats.${f}`)} data-testid={`voucher-format-${f}`} />
            ))}
          </Stack>
        </Radio.Group>
        <Group grow>
          <DateField label={t('vouchers.export.from')} value={from} onChange={(v) => { setFrom(v as string | null); setRepeat(null); }} required clearable={false} />
          <DateField label={t('vouchers.export.to')} value={to} onChange={(v) => { setTo(v as string | null); setRepeat(null); }} required clearable={false} />
        </Group>
        <Text size="sm" c="dimmed">{t('vouchers.export.hint')}</Text>
        {repeat && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('vouchers.export.repeatTitle')} data-testid="voucher-export-repeat">
            {t('vouchers.export.repeatText', { from, to, count: repeat.count, at: repeat.at ? formatTimestamp(repeat.at) : '' })}
          </Alert>
        )}
        {exporting.isPending && (
          <Stack gap={4} data-testid="voucher-export-progress">
            <Text size="sm">{written ? t('vouchers.export.progress', { done: written.done.toLocaleString(), total: written.total.toLocaleString() }) : t('vouchers.export.reading')}</Text>
            <Progress value={job.share ?? 0} animated size="lg" />
          </Stack>
        )}
        <Group justify="flex-end">
          {exporting.isPending ? (
            <Button variant="default" color="red" onClick={job.cancel} data-testid="cancel-voucher-export">
              {t('vouchers.export.stop')}
            </Button>
          ) : (
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          )}
          {repeat ? (
            <Button color="orange" loading={exporting.isPending} onClick={() => send(true)} data-testid="confirm-voucher-export">
              {t('vouchers.export.repeatConfirm')}
            </Button>
          ) : (
            <Button disabled={!from || !to} loading={exporting.isPending} onClick={() => send(false)} data-testid="run-voucher-export">
              {t('vouchers.export.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
