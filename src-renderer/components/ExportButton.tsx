import { Button, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError, onApiEvent } from '../api/client';
import { notifyError } from '../api/hooks';

/**
 * 导出 Excel for a whole list: the export runs on the server under a job id of its own, the button
 * shows how far it has got (正在导出 35%), and 停止导出 beside it cancels it; a stopped export saves nothing.
 */
export function ExportButton({ onExport, testId = 'table-export' }: { onExport: (jobId: string) => Promise<unknown>; testId?: string }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [share, setShare] = useState<number | null>(null);
  useEffect(() => {
    if (!jobId) return;
    return onApiEvent((event) => {
      if (event.kind === 'progress' && event.jobId === jobId && event.total > 0) setShare(Math.min(100, Math.round((event.done / event.total) * 100)));
    });
  }, [jobId]);

  async function exportAll() {
    const id = crypto.randomUUID();
    setJobId(id);
    setShare(null);
    try {
      await onExport(id);
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'CANCELLED') notifications.show({ color: 'gray', message: t('common.exportStopped') });
      else notifyError(error);
    } finally {
      setJobId(null);
    }
  }

  const exporting = jobId !== null;
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={exporting ? <Loader size={14} /> : <IconFileSpreadsheet size={16} />}
        disabled={exporting}
        onClick={() => void exportAll()}
        data-testid={testId}
      >
        {!exporting ? t('common.exportExcel') : share === null ? t('common.exporting') : t('common.exportingShare', { share })}
      </Button>
      {exporting && (
        <Button size="xs" variant="subtle" color="red" onClick={() => void api.jobs.cancel({ jobId })} data-testid={`${testId}-stop`}>
          {t('common.stopExport')}
        </Button>
      )}
    </>
  );
}
