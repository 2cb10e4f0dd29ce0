import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile, RestoreResult } from '../../../../src-main/domain/backup/backup.contract';
import { api } from '../../../api/client';
import { formatTimestamp } from '../../../format';
import { backupProblem } from '../backup.queries';

/** Replacing every record is the one action here that cannot be taken back lightly: the owner ticks that they understand. */
export function RestoreModal({ backup, onClose, onRestored }: { backup: BackupFile | null; onClose: () => void; onRestored: (result: RestoreResult) => void }) {
  const { t } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    if (busy) return;
    setUnderstood(false);
    setProblem(null);
    onClose();
  };

  async function restore() {
    if (!backup) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.backup.restore({ name: backup.name });
      setUnderstood(false);
      onRestored(result);
    } catch (error) {
      setProblem(backupProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={backup !== null} onClose={close} title={t('backup.restore.title')} size="lg" data-testid="restore-modal">
      {backup && (
        <Stack>
          <Text fw={500} ff="monospace" size="sm">
            {backup.name}
          </Text>
          <Alert color="orange" icon={<IconAlertTriangle />}>
            {t('backup.restore.warning', { at: formatTimestamp(backup.at) })}
          </Alert>
          <List size="sm" spacing={4}>
            <List.Item>{t('backup.restore.kept')}</List.Item>
            <List.Item>{t('backup.restore.signOut')}</List.Item>
          </List>
          <Checkbox label={t('backup.restore.confirmLabel')} checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} data-testid="restore-understood" />
          {problem && (
            <Text c="red" size="sm" data-testid="restore-problem">
              {problem}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button color="red" disabled={!understood} loading={busy} onClick={() => void restore()} data-testid="restore-confirm">
              {t('backup.restore.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
