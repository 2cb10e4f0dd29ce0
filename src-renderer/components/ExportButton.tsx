import { Button, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/client';
import { notifyError, useJob } from '../api/hooks';

/**
 * 导出 Excel for a whole list: the export runs on the server under a job id of its own, the button
 * shows how far it has got (正在导出 35%), and 停止导出 beside it cancels it; a stopped export saves nothing.
 */
export function ExportButton({ onExport, testId = 'table-export' }: { onExport: (jobId: string) => Promise<unknown>; testId?: string }) {
  const { t } = useTranslation();
  const job = useJob();

  async function exportAll() {
    try {
      await onExport(job.start());
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'CANCELLED') notifications.show({ color: 'gray', message: t('common.exportStopped') });
      else notifyError(error);
    } finally {
      job.finish();
    }
  }

  const exporting = job.running;
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
        {!exporting ? t('common.exportExcel') : job.share === null ? t('common.exporting') : t('common.exportingShare', { share: job.share })}
      </Button>
      {exporting && (
        <Button size="xs" variant="subtle" color="red" onClick={job.cancel} data-testid={`${testId}-stop`}>
          {t('common.stopExport')}
        </Button>
      )}
    </>
  );
}
