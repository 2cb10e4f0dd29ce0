import { Button, Paper } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { DeliveryListRow } from '../../../src-main/domain/deliveries/deliveries.contract';
import type { QuoteListRow } from '../../../src-main/domain/quotes/quotes.contract';
import type { ReturnListRow } from '../../../src-main/domain/returns/returns.contract';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { QuoteStatusBadge, StatusBadge } from './components/StatusBadge';
import { shortcutTarget } from '../../components/shortcut-targets';

const DELIVERY_COLORS: Record<string, string> = { picking: 'blue', posted: 'teal', cancelled: 'gray' };

/** 报价单 list. */
export function QuotesListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const columns: Column<QuoteListRow>[] = [
    { key: 'quoteNo', header: t('sales.field.quoteNo'), render: (q) => q.quoteNo, nowrap: true },
    { key: 'customer', header: t('sales.field.customer'), render: (q) => q.customerName },
    { key: 'date', header: t('sales.field.quoteDate'), render: (q) => q.quoteDate, nowrap: true },
    { key: 'validUntil', header: t('sales.field.validUntil'), render: (q) => q.validUntil, nowrap: true },
    { key: 'status', header: t('sales.field.status'), render: (q) => <QuoteStatusBadge status={q.status} /> },
    { key: 'total', header: t('sales.field.total'), render: (q) => formatFen(q.totalGross, q.currency), align: 'right' },
    { key: 'order', header: t('sales.field.orderNo'), render: (q) => q.orderNo ?? '', nowrap: true },
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
        <DataTable
          method="quotes.list"
          countWords="sales.quotes"
          input={{}}
          columns={columns}
          rowKey={(q) => q.id}
          onRowClick={(q) => navigate(`/quotes/${q.id}`)}
          empty={<EmptyState title={t('sales.quotes.emptyTitle')} text={t('sales.quotes.emptyText')} />}
        />
      </Paper>
    </>
  );
}

/** 发货单 list; a row opens its pick screen. */
export function DeliveriesListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
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
        <DataTable
          method="deliveries.list"
          countWords="sales.deliveries"
          input={{}}
          columns={columns}
          rowKey={(d) => d.id}
          onRowClick={(d) => navigate(`/deliveries/${d.id}`)}
          empty={<EmptyState title={t('sales.deliveries.emptyTitle')} text={t('sales.deliveries.emptyText')} />}
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
        <DataTable
          method="returns.list"
          countWords="sales.returns"
          input={{}}
          columns={columns}
          rowKey={(r) => r.id}
          onRowClick={(r) => navigate(`/orders/${r.salesOrderId}`)}
          empty={<EmptyState title={t('sales.returns.emptyTitle')} text={t('sales.returns.emptyText')} />}
        />
      </Paper>
    </>
  );
}
