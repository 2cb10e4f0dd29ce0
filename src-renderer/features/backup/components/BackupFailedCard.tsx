import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeFailure, useBackupStatus } from '../backup.queries';

/** On the workbench: the last backup failed, why, and where to fix it. Shown to those who can back up. */
export function BackupFailedCard() {
  const { t } = useTranslation();
  const status = useBackupStatus();
  const outcome = status.data?.lastOutcome;
  if (!outcome || outcome.ok) return null;
  return (
    <Alert color="red" variant="filled" icon={<IconAlertTriangle />} title={t('backup.failedCard.title')} mb="md" data-testid="backup-failed">
      {t('backup.failedCard.text', describeFailure(t, outcome))}
      <Button component={Link} to="/backup" size="xs" variant="white" color="red" ml="sm">
        {t('backup.failedCard.action')}
      </Button>
    </Alert>
  );
}
