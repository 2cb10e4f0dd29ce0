import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Invoice, OpenCreditNoteRequest } from '../../../src-main/domain/receivables/receivables.dto';
import { api } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { useCan } from '../auth/current-user';
import { CreditReturnModal } from './CreditReturnModal';

/** 待开红字: returns whose credit note is still to be posted, oldest first. */
export function CreditRequestsPanel({ onCreated }: { onCreated: (creditNote: Invoice) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [crediting, setCrediting] = useState<OpenCreditNoteRequest | null>(null);
  if (!can('receivables.write')) return <Text c="dimmed" py="lg" ta="center">{t('receivables.issue.needsWrite')}</Text>;
  // The action sits next to the return's number, in sight on a 1024 px screen where the table scrolls sideways.
  const columns: Column<OpenCreditNoteRequest>[] = [
    { key: 'return', header: t('receivables.credit.returnNo'), render: (r) => r.returnNo, nowrap: true },
    {
      key: 'action',
      header: '',
      render: (r) => (
        <Button size="xs" color="grape" variant="light" onClick={() => setCrediting(r)} data-testid={`credit-${r.returnNo}`}>
          {t('receivables.credit.open')}
        </Button>
      ),
    },
    { key: 'date', header: t('receivables.credit.returnDate'), render: (r) => r.returnDate, nowrap: true },
    { key: 'customer', header: t('receivables.field.customer'), render: (r) => r.customerName },
    { key: 'order', header: t('receivables.field.orderNo'), render: (r) => r.orderNo ?? '—', nowrap: true },
    { key: 'reason', header: t('receivables.credit.returnReason'), render: (r) => r.returnReason },
    { key: 'amount', header: t('receivables.field.total'), render: (r) => formatFen(-r.totalGross), align: 'right', nowrap: true },
  ];
  return (
    <>
      <DataTable
        method="receivables.openCreditNoteRequests"
        countWords="receivables.credit"
        input={{}}
        columns={columns}
        rowKey={(r) => r.id}
        onRowClick={setCrediting}
        onExport={async (jobId) => saveExport(await api.exports.creditRequests({ format: 'xlsx', language: exportLanguage(), jobId }))}
        minWidth={860}
        empty={<EmptyState title={t('receivables.credit.emptyTitle')} text={t('receivables.credit.emptyText')} />}
      />
      <CreditReturnModal request={crediting} onClose={() => setCrediting(null)} onCreated={onCreated} />
    </>
  );
}
