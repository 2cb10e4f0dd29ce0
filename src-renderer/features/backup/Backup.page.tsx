import { Alert, Box, Button, Center, Group, Loader, Paper, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile, BackupStatus, RestoreResult } from '../../../src-main/domain/backup/backup.contract';
import { api } from '../../api/client';
import { queryClient, useJob } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { formatTimestamp } from '../../format';
import { backupProblem, describeFailure, formatBytes, useBackupStatus } from './backup.queries';
import { BackupList } from './components/BackupList';
import { BackupSettingsCard } from './components/BackupSettingsCard';
import { DiagnosticsCard } from './components/DiagnosticsCard';
import { RestoreModal } from './components/RestoreModal';

/** /backup (备份与恢复), for the owner: back up now, the folder and the daily backup, the backups, restore, diagnostics. */
export function BackupPage() {
  const { t } = useTranslation();
  const status = useBackupStatus();
  const job = useJob();
  const percent = job.share ?? 0;
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);

  async function backUpNow() {
    try {
      const made = await api.backup.create({ jobId: job.start() });
      notifications.show({ color: 'teal', message: t('backup.now.done', { name: made.name }) });
    } catch (error) {
      notifications.show({ color: 'red', message: t('backup.now.failed', { reason: backupProblem(error) }) });
    } finally {
      job.finish();
      // Backups are not data changes, so no data.changed event refreshes these.
      void queryClient.invalidateQueries({ queryKey: ['backup'] });
    }
  }

  if (status.isError) return <LoadFailed error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }

  return (
    // One width for the header and the cards, so 立即备份 sits above the cards it acts on.
    <Box maw={960}>
      <PageHeader
        title={t('backup.title')}
        actions={
          <Button leftSection={<IconDeviceFloppy size={18} />} loading={job.running} onClick={() => void backUpNow()} data-testid="backup-now">
            {t('backup.now.button')}
          </Button>
        }
      />
      <Stack>
        <Text size="sm">{t('backup.intro')}</Text>
        {restored && (
          <Alert color="teal" icon={<IconCircleCheck />} withCloseButton onClose={() => setRestored(null)} data-testid="restore-done">
            {t('backup.restore.done', { name: restored.restoredFrom, previous: restored.previous ?? '—' })}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Stack gap="xs">
            <LastOutcome status={status.data} />
            {job.running && (
              <Stack gap={4} data-testid="backup-progress">
                <Text size="sm">{t('backup.now.running', { percent })}</Text>
                <Progress value={percent} animated />
              </Stack>
            )}
            <Text size="xs" c="dimmed">
              {t('backup.databaseFile', { file: status.data.databaseFile })}
            </Text>
          </Stack>
        </Paper>
        <BackupList onRestore={setRestoring} />
        <BackupSettingsCard status={status.data} />
        <DiagnosticsCard />
      </Stack>
      <RestoreModal
        backup={restoring}
        onClose={() => setRestoring(null)}
        onRestored={(result) => {
          setRestoring(null);
          setRestored(result);
          // Every screen's data was replaced.
          void queryClient.invalidateQueries();
        }}
      />
    </Box>
  );
}

function LastOutcome({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const outcome = status.lastOutcome;
  if (!outcome) return <Text size="sm" c="dimmed">{t('backup.now.never')}</Text>;
  if (!outcome.ok) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} data-testid="backup-last-failed">
        {t('backup.now.lastFailed', describeFailure(t, outcome))}
      </Alert>
    );
  }
  return (
    <Group gap="xs" data-testid="backup-last">
      <Text size="sm">{t('backup.now.last', { at: formatTimestamp(outcome.at), size: formatBytes(t, outcome.bytes) })}</Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {outcome.name}
      </Text>
    </Group>
  );
}
