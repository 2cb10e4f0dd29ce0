import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VoucherExport } from '../../../src-main/domain/vouchers/vouchers.dto';
import { api } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { exportLanguage, saveExport } from '../../components/download';
import { formatTimestamp } from '../../format';

/** 导出记录: every voucher export, newest first, so a second import of the same month is caught before it happens. */
export function ExportHistoryTab() {
  const { t } = useTranslation();
  const columns: Column<VoucherExport>[] = [
    { key: 'at', header: t('vouchers.history.at'), render: (e) => formatTimestamp(e.at), nowrap: true },
    { key: 'user', header: t('vouchers.history.user'), render: (e) => e.username ?? '—', nowrap: true },
    { key: 'span', header: t('vouchers.history.span'), render: (e) => (e.dateFrom === e.dateTo ? e.dateFrom : `${e.dateFrom} ~ ${e.dateTo}`), nowrap: true },
    { key: 'format', header: t('vouchers.history.format'), render: (e) => t(`vouchers.history.formats.${e.format}`), nowrap: true },
    { key: 'count', header: t('vouchers.history.count'), render: (e) => e.voucherCount, align: 'right' },
    { key: 'range', header: t('vouchers.history.range'), render: (e) => (e.firstVoucher ? `${e.firstVoucher} ~ ${e.lastVoucher ?? ''}` : '—'), nowrap: true, optional: true },
  ];
  return (
    <Paper withBorder p="md">
      <DataTable
        method="vouchers.exportHistory"
        input={{}}
        columns={columns}
        rowKey={(e) => e.id}
        minWidth={640}
        onExport={async (jobId) => saveExport(await api.exports.voucherHistory({ format: 'xlsx', language: exportLanguage(), jobId }))}
        empty={<EmptyState title={t('vouchers.history.emptyTitle')} text={t('vouchers.history.emptyText')} />}
      />
    </Paper>
  );
}
