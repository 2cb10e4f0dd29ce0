import { Button, Center, Group, Loader, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { OrderCursor, OrderListFilters } from '../../../../src-main/domain/orders/orders.contract';
import { formatFen } from '../../../../src-main/domain/core/money';
import type { OrderListRow } from '../../../../src-main/domain/orders/orders.dto';
import { businessToday } from '../../../format';
import { api } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { exportLanguage, saveExport } from '../../../components/download';
import { ExportButton } from '../../../components/ExportButton';
import { LoadFailed } from '../../../components/LoadFailed';
import { OrderStatusBadge } from './StatusBadge';
import { OrderNumber } from './OrderNumber';

/** Still to deliver and promised for a day gone by. */
function isLate(order: OrderListRow, today: string): boolean {
  return (order.status === 'confirmed' || order.status === 'partly_delivered') && order.promisedDate !== null && order.promisedDate < today;
}

/**
 * Sales orders newest first, paged by keyset on the server (a page deep in years of orders costs
 * what the first does), with their Excel export. The orders list and a customer's 360° view show it.
 */
export function OrdersTable({ q, filters, empty, showCustomer = true, pageSize = 50 }: { q?: string; filters: OrderListFilters; empty: ReactNode; showCustomer?: boolean; pageSize?: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listKey = JSON.stringify([q, filters]);
  // The cursors of the pages walked so far; a new search starts again at the first.
  const [trail, setTrail] = useState<{ listKey: string; cursors: OrderCursor[] }>({ listKey, cursors: [] });
  const cursors = trail.listKey === listKey ? trail.cursors : [];
  const after = cursors.at(-1);
  const query = useApiQuery('orders.list', { q, filters, ...(after ? { after } : {}), pageSize }, { placeholderData: keepPreviousData });
  async function exportAll(jobId: string) {
    const rows = saveExport(await api.exports.orders({ q, filters, format: 'xlsx', language: exportLanguage(), jobId }));
    notifications.show({ color: 'teal', message: t('sales.orders.exported', { count: rows }) });
  }

  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const page = query.data;
  if (page.rows.length === 0) return <>{empty}</>;
  const today = businessToday();
  return (
    <>
      <Table.ScrollContainer minWidth={showCustomer ? 900 : 700}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="orders-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.field.orderNo')}</Table.Th>
              {showCustomer && <Table.Th>{t('sales.field.customer')}</Table.Th>}
              <Table.Th>{t('sales.field.orderDate')}</Table.Th>
              <Table.Th>{t('sales.field.promisedDate')}</Table.Th>
              <Table.Th>{t('sales.field.status')}</Table.Th>
              <Table.Th ta="right">{t('sales.field.total')}</Table.Th>
              <Table.Th>{t('sales.field.owner')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.rows.map((o) => (
              <Table.Tr key={o.id} onClick={() => navigate(`/orders/${o.id}`)} style={{ cursor: 'pointer' }}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><OrderNumber orderNo={o.orderNo} /></Table.Td>
                {showCustomer && <Table.Td>{o.customerName}</Table.Td>}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.orderDate}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {o.promisedDate && isLate(o, today) ? (
                    <Text span size="sm" c="red" title={t('sales.orders.late')} data-testid="order-late">
                      {o.promisedDate}
                    </Text>
                  ) : (
                    (o.promisedDate ?? '')
                  )}
                </Table.Td>
                <Table.Td>
                  <OrderStatusBadge status={o.status} />
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {formatFen(o.totalGross, o.currency)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.ownerName ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" data-testid="page-total">
          {page.totalIsExact ? t('sales.orders.totalCount', { count: page.total }) : t('sales.orders.totalMany', { count: page.total })}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={cursors.length === 0} onClick={() => setTrail({ listKey, cursors: cursors.slice(0, -1) })}>
            {t('sales.orders.previous')}
          </Button>
          <Button size="xs" variant="default" disabled={!page.next} onClick={() => page.next && setTrail({ listKey, cursors: [...cursors, page.next] })}>
            {t('sales.orders.next')}
          </Button>
        </Group>
        <Group gap="xs">
          <ExportButton onExport={exportAll} testId="orders-export" />
        </Group>
      </Group>
    </>
  );
}
