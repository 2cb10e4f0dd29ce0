import { Badge, Button, Paper, SegmentedControl, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import { STATEMENT_STATUSES, type StatementListFilters, type StatementStatus, type StatementSummary } from '../../../src-main/domain/statements/statements.contract';
import { api } from '../../api/client';
import { parseFilterParam } from '../../api/url-filters';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { NewStatementModal } from './NewStatementModal';
import { shortcutTarget } from '../../components/shortcut-targets';

export const STATUS_COLOR: Record<StatementStatus, string> = { draft: 'gray', sent: 'blue', confirmed: 'teal', disputed: 'red' };

/** 对账单: newest first, by status; `?new=<customerId>` opens a new one for that customer (from the 360° view). */
export function StatementsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = parseFilterParam<StatementListFilters>(params.get('f'));
  const newFor = params.get('new');
  const creating = newFor !== null;
  const setCreating = (customerId: string | null) => setParams(customerId === null ? (filters.status ? { f: JSON.stringify(filters) } : {}) : { new: customerId });
  const columns: Column<StatementSummary>[] = [
    { key: 'number', header: t('statements.field.number'), render: (s) => s.number ?? '—', nowrap: true },
    { key: 'customer', header: t('statements.field.customer'), render: (s) => s.customerName },
    { key: 'period', header: t('statements.field.period'), render: (s) => `${s.periodFrom} ~ ${s.periodTo}`, nowrap: true },
    {
      key: 'status',
      header: t('statements.field.status'),
      render: (s) => (
        <Badge color={STATUS_COLOR[s.status]} variant="light">
          {t(`statements.status.${s.status}`)}
        </Badge>
      ),
    },
    { key: 'sentOn', header: t('statements.field.sentOn'), render: (s) => s.sentOn ?? '', nowrap: true, optional: true },
    { key: 'respondedOn', header: t('statements.field.respondedOn'), render: (s) => s.respondedOn ?? '', nowrap: true, optional: true },
    { key: 'closing', header: t('statements.field.closing'), render: (s) => formatFen(s.closingBalance), align: 'right' },
  ];
  return (
    <>
      <PageHeader
        title={t('statements.title')}
        actions={
          can('statements.write') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating('')} data-testid="new-statement" {...shortcutTarget('create')}>
              {t('statements.new')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <SegmentedControl
          mb="md"
          value={filters.status ?? 'all'}
          onChange={(v) => setParams(v === 'all' ? {} : { f: JSON.stringify({ ...filters, status: v }) })}
          data={[{ value: 'all', label: t('statements.filterAll') }, ...STATEMENT_STATUSES.map((s) => ({ value: s, label: t(`statements.status.${s}`) }))]}
        />
        <DataTable
          method="statements.list"
          countWords="statements"
          input={{ filters }}
          columns={columns}
          rowKey={(s) => s.id}
          onRowClick={(s) => void navigate(`/statements/${s.id}`)}
          onExport={async (jobId) => saveExport(await api.exports.statements({ filters, format: 'xlsx', language: exportLanguage(), jobId }))}
          minWidth={820}
          empty={filters.status ? <Text c="dimmed" py="lg" ta="center">{t('statements.emptyFiltered')}</Text> : <EmptyState title={t('statements.emptyTitle')} text={t('statements.emptyText')} />}
        />
      </Paper>
      {creating && <NewStatementModal opened customerId={newFor || null} onClose={() => setCreating(null)} />}
    </>
  );
}
