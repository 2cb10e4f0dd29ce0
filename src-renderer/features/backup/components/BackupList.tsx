import { Badge, Button, Paper, Title } from '@mantine/core';
import { IconDatabase, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../../src-main/domain/backup/backup.contract';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { formatTimestamp } from '../../../format';
import { formatBytes } from '../backup.queries';

const KIND_COLORS = { auto: 'blue', manual: 'teal', other: 'gray' } as const;

/** The .sqlite files in the backup folder, newest first, each with 从此备份恢复. */
export function BackupList({ onRestore }: { onRestore: (backup: BackupFile) => void }) {
  const { t } = useTranslation();
  const columns: Column<BackupFile>[] = [
    { key: 'at', header: t('backup.list.at'), render: (b) => formatTimestamp(b.at), nowrap: true },
    { key: 'kind', header: t('backup.list.kind'), render: (b) => <Badge variant="light" color={KIND_COLORS[b.kind]}>{t(`backup.list.kinds.${b.kind}`)}</Badge> },
    { key: 'size', header: t('backup.list.size'), render: (b) => formatBytes(t, b.bytes), align: 'right' },
    { key: 'name', header: t('backup.list.name'), render: (b) => <span style={{ fontFamily: 'monospace', fontSize: 13 }}>{b.name}</span> },
    {
      key: 'restore',
      header: '',
      render: (b) => (
        <Button size="xs" variant="light" color="orange" leftSection={<IconRestore size={14} />} onClick={() => onRestore(b)} data-testid={`restore-${b.name}`}>
          {t('backup.list.restore')}
        </Button>
      ),
      nowrap: true,
    },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('backup.list.title')}
      </Title>
      <DataTable
        method="backup.list"
        countWords="backup.list"
        input={{}}
        onExport={async (jobId) => saveExport(await api.exports.backups({ format: 'xlsx', language: exportLanguage(), jobId }))}
        columns={columns}
        rowKey={(b) => b.name}
        minWidth={760}
        empty={<EmptyState icon={<IconDatabase size={30} />} title={t('backup.list.emptyTitle')} text={t('backup.list.emptyText')} />}
      />
    </Paper>
  );
}
