import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatFen } from '../../../../src-main/domain/core/money';
import type { QuoteListRow } from '../../../../src-main/domain/quotes/quotes.contract';
import { api } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { OrdersTable } from './OrdersTable';
import { QuoteStatusBadge } from './StatusBadge';
import { OrderNumber } from './OrderNumber';

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={700} mt={2} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** A customer's orders on its 360° view: its open orders and what was sold, then the orders themselves. */
export function CustomerOrders({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const summary = useApiQuery('orders.customerSummary', { customerId });
  const s = summary.data;
  return (
    <Stack gap="md" data-testid="customer-orders">
      {s && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Figure label={t('sales.customer.openOrders')} value={t('sales.customer.openOrdersValue', { count: s.openOrderCount, amount: formatFen(s.openOrderValue) })} />
          <Figure label={t('sales.customer.lifetimeSales')} value={formatFen(s.lifetimeSales)} hint={t('sales.customer.lifetimeSalesHint')} />
          <Figure label={t('sales.customer.lastOrder')} value={s.lastOrderDate ?? t('sales.customer.noOrders')} />
        </SimpleGrid>
      )}
      <OrdersTable filters={{ customerId }} showCustomer={false} pageSize={20} empty={<EmptyState title={t('sales.customer.ordersEmptyTitle')} text={t('sales.customer.ordersEmptyText')} />} />
    </Stack>
  );
}

/** A customer's quotations on its 360° view, newest first. */
export function CustomerQuotes({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: Column<QuoteListRow>[] = [
    { key: 'quoteNo', header: t('sales.field.quoteNo'), render: (q) => q.quoteNo, nowrap: true },
    { key: 'date', header: t('sales.field.quoteDate'), render: (q) => q.quoteDate, nowrap: true },
    { key: 'validUntil', header: t('sales.field.validUntil'), render: (q) => q.validUntil, nowrap: true },
    { key: 'status', header: t('sales.field.status'), render: (q) => <QuoteStatusBadge status={q.status} /> },
    { key: 'total', header: t('sales.field.total'), render: (q) => formatFen(q.totalGross, q.currency), align: 'right', nowrap: true },
    { key: 'order', header: t('sales.field.orderNo'), render: (q) => (q.salesOrderId ? <OrderNumber orderNo={q.orderNo} /> : ''), nowrap: true },
  ];
  return (
    <div data-testid="customer-quotes">
      <DataTable
        method="quotes.list"
        countWords="sales.quotes"
        input={{ customerId }}
        columns={columns}
        rowKey={(q) => q.id}
        onRowClick={(q) => navigate(`/quotes/${q.id}`)}
        onExport={async (jobId) => saveExport(await api.exports.quotes({ customerId, format: 'xlsx', language: exportLanguage(), jobId }))}
        tableId="customer-quotes"
        empty={<EmptyState title={t('sales.customer.quotesEmptyTitle')} text={t('sales.customer.quotesEmptyText')} />}
      />
    </div>
  );
}
