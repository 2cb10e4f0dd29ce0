import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statementFileName, type Reminder, type TemplateLanguage } from '../../../src-main/domain/dunning/dunning.contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { businessToday } from '../../format';

/** The message as it will go out, in Chinese or English, then 发送. */
export function SendReminderModal({ reminder, onClose }: { reminder: Reminder | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<TemplateLanguage>('zh-CN');
  const preview = useApiQuery('dunning.preview', { id: reminder?.id ?? '', language }, { enabled: reminder !== null });
  const queryClient = useQueryClient();
  // The send commits its own steps around the wait for the mail server, so it announces no change itself.
  const send = useApiMutation('dunning.send', {
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['dunning'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const unconfirmed = reminder?.lastEmail?.status === 'unconfirmed' ? reminder.lastEmail : null;
  useEffect(() => setLanguage('zh-CN'), [reminder?.id]);
  return (
    <Modal opened={reminder !== null} onClose={onClose} title={reminder ? `${t('dunning.queue.send')} · ${reminder.customerName}` : ''} size="lg">
      <Stack>
        <SegmentedControl
          value={language}
          onChange={(v) => setLanguage(v as TemplateLanguage)}
          data={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          aria-label={t('dunning.queue.language')}
        />
        <TextInput label={t('dunning.queue.to')} value={preview.data?.to ?? ''} readOnly />
        <TextInput label={t('dunning.queue.subject')} value={preview.data?.subject ?? ''} readOnly data-testid="reminder-subject" />
        <Textarea label={t('dunning.queue.body')} value={preview.data?.body ?? ''} readOnly autosize minRows={8} maxRows={16} styles={{ input: { fontFamily: 'inherit' } }} />
        {reminder && (
          <Text size="sm" c="dimmed">
            {t('common.labelColon', { label: t('dunning.queue.attachment') })}{statementFileName(reminder.customerName, businessToday())}
          </Text>
        )}
        {unconfirmed && (
          <Alert color="orange" data-testid="send-unconfirmed">
            {t('dunning.queue.unconfirmedWarning', { since: new Date(unconfirmed.startedAt).toLocaleString() })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={send.isPending}
            disabled={!preview.data?.to}
            data-testid="confirm-send"
            onClick={() =>
              reminder &&
              send.mutate(
                { id: reminder.id, language, resend: unconfirmed !== null },
                {
                  onSuccess: (sent) => {
                    notifications.show({ color: 'teal', message: t('dunning.queue.sent', { to: sent.emailTo }) });
                    onClose();
                  },
                },
              )
            }
          >
            {unconfirmed ? t('dunning.queue.resend') : t('dunning.queue.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** 记录电话催收 (what was agreed, optional) or 跳过 (why, required). */
export function CloseReminderModal({ reminder, status, onClose }: { reminder: Reminder | null; status: 'done' | 'skipped'; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const done = useApiMutation('dunning.markDone');
  const skip = useApiMutation('dunning.skip');
  useEffect(() => setNote(''), [reminder?.id]);
  const onSuccess = () => {
    notifications.show({ color: 'teal', message: t('dunning.queue.closed') });
    onClose();
  };
  function save() {
    if (!reminder) return;
    if (status === 'done') done.mutate({ id: reminder.id, note: note.trim() || undefined }, { onSuccess });
    else skip.mutate({ id: reminder.id, note: note.trim() }, { onSuccess });
  }
  return (
    <Modal opened={reminder !== null} onClose={onClose} title={reminder ? `${t(status === 'done' ? 'dunning.queue.phoned' : 'dunning.queue.skip')} · ${reminder.customerName}` : ''}>
      <Stack>
        {reminder && (
          <Text size="sm" c="dimmed">
            {reminder.invoices.map((i) => i.invoiceNo).join('、')}
          </Text>
        )}
        <Textarea
          label={t('dunning.queue.note')}
          placeholder={t(status === 'done' ? 'dunning.queue.notePhoned' : 'dunning.queue.noteSkip')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={3}
          data-autofocus
          data-testid="reminder-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={done.isPending || skip.isPending} disabled={status === 'skipped' && !note.trim()} onClick={save} data-testid="confirm-close">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
