import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { DeliveryListRow } from '../../../src-main/domain/deliveries/deliveries.contract';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../src-main/domain/deliveries/deliveries.dto';
import { QUOTE_STATUSES, type QuoteStatus } from '../../../src-main/domain/quotes/quotes.dto';
import type { QuoteListRow } from '../../../src-main/domain/quotes/quotes.contract';
import type { ReturnListRow } from '../../../src-main/domain/returns/returns.contract';
import { api } from '../../api/client';
import { parseFilterParam } from '../../api/url-filters';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { QuoteStatusBadge, StatusBadge } from './components/StatusBadge';
import { shortcutTarget } from '../../components/shortcut-targets';
import { OrderNumber } from './components/OrderNumber';

const DELIVERY_COLORS: Record<string, string> = { picking: 'blue', posted: 'teal', cancelled: 'gray' };

/**
 * What a documents list is narrowed to: the search as typed (debounced) and a status, which a link
 * may open the list with (`?f={"status":"picking"}`).
 */
function useDocumentFilters<Status extends string>(statuses: readonly Status[]) {
  const [params] = useSearchParams();
  const opened = parseFilterParam<{ status?: string }>(params.get('f')).status;
  const [status, setStatus] = useState<Status | null>(statuses.find((s) => s === opened) ?? null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const input = { ...(q ? { q } : {}), ...(status ? { status } : {}) };
  return { search, setSearch, status, setStatus, input, filtered: !!q || !!status };
}

/** The search box and, where the list has statuses, the status to show. */
function DocumentFilters<Status extends string>(props: {
  search: string;
  setSearch: (text: string) => void;
  placeholder: string;
  statuses?: { value: Status; label: string }[];
  status?: Status | null;
  setStatus?: (status: Status | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" mb="sm">
      <TextInput leftSection={<IconSearch size={16} />} placeholder={props.placeholder} value={props.search} onChange={(e) => props.setSearch(e.currentTarget.value)} w={260} data-testid="documents-search" {...shortcutTarget('search')} />
      {props.statuses && (
        <Select
          placeholder={t('sales.lists.allStatuses')}
          clearable
          w={160}
          data={props.statuses}
          value={props.status ?? null}
          onChange={(v) => props.setStatus?.(v as Status | null)}
          data-testid="documents-status"
        />
      )}
    </Group>
  );
}

/** 报价单 list. */
export function QuotesListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const filters = useDocumentFilters(QUOTE_STATUSES);
  const columns: Column<QuoteListRow>[] = [
    { key: 'quoteNo', header: t('sales.field.quoteNo'), render: (q) => q.quoteNo, nowrap: true },
    { key: 'customer', header: t('sales.field.customer'), render: (q) => q.customerName },
    { key: 'date', header: t('sales.field.quoteDate'), render: (q) => q.quoteDate, nowrap: true },
    { key: 'validUntil', header: t('sales.field.validUntil'), render: (q) => q.validUntil, nowrap: true },
    { key: 'status', header: t('sales.field.status'), render: (q) => <QuoteStatusBadge status={q.status} /> },
    { key: 'total', header: t('sales.field.total'), render: (q) => formatFen(q.totalGross, q.currency), align: 'right' },
    { key: 'order', header: t('sales.field.orderNo'), render: (q) => (q.salesOrderId ? <OrderNumber orderNo={q.orderNo} /> : ''), nowrap: true },
  ];
  return (
    <>
      <PageHeader
        title={t('sales.quotes.title')}
        actions={
          can('sales.write') && (
            <Button component={Link} to="/quotes/new" leftSection={<IconPlus size={16} />} data-testid="quote-new" {...shortcutTarget('create')}>
              {t('sales.quotes.add')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <DocumentFilters
          {...filters}
          placeholder={t('sales.lists.searchQuotes')}
          statuses={QUOTE_STATUSES.map((s: QuoteStatus) => ({ value: s, label: t(`sales.quoteStatus.${s}`) }))}
        />
        <DataTable
          method="quotes.list"
          countWords="sales.quotes"
          input={filters.input}
          columns={columns}
          rowKey={(q) => q.id}
          onRowClick={(q) => navigate(`/quotes/${q.id}`)}
          onExport={async (jobId) => saveExport(await api.exports.quotes({ ...filters.input, format: 'xlsx', language: exportLanguage(), jobId }))}
          empty={<EmptyState title={filters.filtered ? t('sales.lists.emptyFiltered') : t('sales.quotes.emptyTitle')} text={filters.filtered ? '' : t('sales.quotes.emptyText')} />}
        />
      </Paper>
    </>
  );
}

/** 发货单 list; a row opens its pick screen. */
export function DeliveriesListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filters = useDocumentFilters(DELIVERY_STATUSES);
  const columns: Column<DeliveryListRow>[] = [
    { key: 'no', header: t('sales.field.deliveryNo'), render: (d) => d.deliveryNo, nowrap: true },
    { key: 'order', header: t('sales.field.orderNo'), render: (d) => d.orderNo, nowrap: true },
    { key: 'customer', header: t('sales.field.customer'), render: (d) => d.customerName },
    { key: 'warehouse', header: t('sales.field.warehouse'), render: (d) => d.warehouseName, nowrap: true },
    { key: 'status', header: t('sales.field.status'), render: (d) => <StatusBadge kind="deliveryStatus" status={d.status} color={DELIVERY_COLORS[d.status] ?? 'gray'} /> },
    { key: 'promised', header: t('sales.field.promisedDate'), render: (d) => d.promisedDate ?? '', nowrap: true },
    { key: 'date', header: t('sales.field.deliveryDate'), render: (d) => d.deliveryDate, nowrap: true },
  ];
  return (
    <>
      <PageHeader title={t('sales.deliveries.title')} />
      <Paper withBorder p="md">
        <DocumentFilters
          {...filters}
          placeholder={t('sales.lists.searchDeliveries')}
          statuses={DELIVERY_STATUSES.map((s: DeliveryStatus) => ({ value: s, label: t(`sales.deliveryStatus.${s}`) }))}
        />
        <DataTable
          method="deliveries.list"
          countWords="sales.deliveries"
          input={filters.input}
          columns={columns}
          rowKey={(d) => d.id}
          onRowClick={(d) => navigate(`/deliveries/${d.id}`)}
          onExport={async (jobId) => saveExport(await api.exports.deliveries({ ...filters.input, format: 'xlsx', language: exportLanguage(), jobId }))}
          empty={<EmptyState title={filters.filtered ? t('sales.lists.emptyFiltered') : t('sales.deliveries.emptyTitle')} text={filters.filtered ? '' : t('sales.deliveries.emptyText')} />}
        />
      </Paper>
    </>
  );
}

/** 销售退货 list. */
export function ReturnsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const filters = useDocumentFilters([] as const);
  const columns: Column<ReturnListRow>[] = [
    { key: 'no', header: t('sales.field.returnNo'), render: (r) => r.returnNo, nowrap: true },
    { key: 'order', header: t('sales.field.orderNo'), render: (r) => r.orderNo, nowrap: true },
    { key: 'customer', header: t('sales.field.customer'), render: (r) => r.customerName },
    { key: 'date', header: t('sales.field.returnDate'), render: (r) => r.returnDate, nowrap: true },
    { key: 'reason', header: t('sales.field.reason'), render: (r) => r.reason },
    { key: 'total', header: t('sales.field.total'), render: (r) => formatFen(r.totalGross), align: 'right' },
  ];
  return (
    <>
      <PageHeader
        title={t('sales.returns.title')}
        actions={
          can('returns.write') && (
            <Button component={Link} to="/returns/new" leftSection={<IconPlus size={16} />} data-testid="return-new" {...shortcutTarget('create')}>
              {t('sales.returns.add')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <DocumentFilters search={filters.search} setSearch={filters.setSearch} placeholder={t('sales.lists.searchReturns')} />
        <DataTable
          method="returns.list"
          countWords="sales.returns"
          input={filters.input}
          columns={columns}
          rowKey={(r) => r.id}
          onRowClick={(r) => navigate(`/orders/${r.salesOrderId}`)}
          onExport={async (jobId) => saveExport(await api.exports.returns({ ...filters.input, format: 'xlsx', language: exportLanguage(), jobId }))}
          empty={<EmptyState title={filters.filtered ? t('sales.lists.emptyFiltered') : t('sales.returns.emptyTitle')} text={filters.filtered ? '' : t('sales.returns.emptyText')} />}
        />
      </Paper>
    </>
  );
}
