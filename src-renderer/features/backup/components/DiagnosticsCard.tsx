import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileZip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { notifyError } from '../../../api/hooks';
import { download } from '../../../components/download';

/** 导出诊断信息: a zip the owner can send to whoever helps them. */
export function DiagnosticsCard() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function exportDiagnostics() {
    setBusy(true);
    try {
      const bundle = await api.backup.diagnostics({});
      download(bundle.fileName, new Blob([bundle.content as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      notifications.show({ color: 'teal', message: t('backup.diagnostics.done', { name: bundle.fileName }) });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('backup.diagnostics.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('backup.diagnostics.text')}
      </Text>
      <Group>
        <Button variant="default" leftSection={<IconFileZip size={16} />} loading={busy} onClick={() => void exportDiagnostics()} data-testid="export-diagnostics">
          {t('backup.diagnostics.button')}
        </Button>
      </Group>
    </Paper>
  );
}
