import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../src-main/domain/leads/leads.contract';
import { api } from '../../../api/client';
import { notifyError } from '../../../api/hooks';

export function MarkLostModal({ opened, onClose, lead }: { opened: boolean; onClose: () => void; lead: Lead }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    if (!reason.trim()) return setError(t('common.required'));
    setBusy(true);
    try {
      await api.leads.markLost({ id: lead.id, reason });
      notifications.show({ color: 'teal', message: t('leads.detail.markedLost') });
      setReason('');
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.detail.lostTitle')}>
      <Stack>
        <Textarea
          label={t('leads.field.lostReason')}
          placeholder={t('leads.detail.lostReasonPlaceholder')}
          withAsterisk
          value={reason}
          error={error}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          data-testid="lost-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void submit()} data-testid="lost-submit">
            {t('leads.detail.markLost')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
