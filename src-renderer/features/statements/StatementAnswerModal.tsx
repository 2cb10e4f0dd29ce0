import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Statement } from '../../../src-main/domain/statements/statements.contract';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { businessToday } from '../../format';
import { shortcutTarget } from '../../components/shortcut-targets';

export type StatementAction = 'markSent' | 'confirm' | 'dispute';

/** 标记已发送 / 客户已确认 / 客户有异议: the date, and for an answer the customer's words. */
export function StatementAnswerModal({ statement, action, onClose }: { statement: Statement; action: StatementAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(businessToday());
  const [note, setNote] = useState('');
  const markSent = useApiMutation('statements.markSent');
  const confirm = useApiMutation('statements.confirm');
  const dispute = useApiMutation('statements.dispute');
  const pending = markSent.isPending || confirm.isPending || dispute.isPending;
  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    onClose();
  };
  function save() {
    if (action === 'markSent') markSent.mutate({ id: statement.id, sentOn: date }, { onSuccess: (s) => done(t('statements.sent', { number: s.number })) });
    if (action === 'confirm') confirm.mutate({ id: statement.id, respondedOn: date, note: note.trim() || undefined }, { onSuccess: () => done(t('statements.confirmed')) });
    if (action === 'dispute') dispute.mutate({ id: statement.id, respondedOn: date, note }, { onSuccess: () => done(t('statements.disputed')) });
  }
  return (
    <Modal opened onClose={onClose} title={t(`statements.${action}`)}>
      <Stack>
        <DateField label={t(action === 'markSent' ? 'statements.field.sentOn' : 'statements.field.respondedOn')} value={date} onChange={(v) => setDate(v as string | null)} required />
        {action !== 'markSent' && (
          <Textarea
            label={t('statements.field.note')}
            description={action === 'dispute' ? t('statements.disputeHelp') : undefined}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            required={action === 'dispute'}
            autosize
            minRows={3}
            maxLength={500}
            data-autofocus
            data-testid="statement-note"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!date || (action === 'dispute' && note.trim() === '')} loading={pending} onClick={save} data-testid="save-answer" {...shortcutTarget('save')}>
            {t('statements.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
