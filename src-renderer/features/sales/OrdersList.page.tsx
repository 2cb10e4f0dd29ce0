import { Button, Center, Group, Loader, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAdjustments, IconChecklist, IconFileSpreadsheet, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { OrderCursor } from '../../../src-main/domain/orders/orders.contract';
import { ORDER_STATUSES, type OrderStatus } from '../../../src-main/domain/orders/orders.dto';
import { formatFen } from '../../../src-main/domain/core/money';
import { api } from '../../api/client';
import { notifyError, useApiQuery } from '../../api/hooks';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { OrderStatusBadge } from './components/StatusBadge';

/** 销售订单 list: newest first, paged by keyset on the server (a page deep in years of orders costs what the first does). */
export function OrdersListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const filters = status ? { status: [status] } : {};
  const listKey = JSON.stringify([debouncedQ, status]);
  // The cursors of the pages walked so far; a new search starts again at the first.
  const [trail, setTrail] = useState<{ listKey: string; cursors: OrderCursor[] }>({ listKey, cursors: [] });
  const cursors = trail.listKey === listKey ? trail.cursors : [];
  const after = cursors.at(-1);
  const query = useApiQuery('orders.list', { q: debouncedQ || undefined, filters, ...(after ? { after } : {}), pageSize: 50 }, { placeholderData: keepPreviousData });
  const [exporting, setExporting] = useState(false);

  async function exportAll() {
    setExporting(true);
    try {
      const rows = saveExport(await api.exports.orders({ q: debouncedQ || undefined, filters, format: 'xlsx', language: exportLanguage() }));
      notifications.show({ color: 'teal', message: t('sales.orders.exported', { count: rows }) });
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  }

  const filtered = !!debouncedQ || !!status;
  let body;
  if (query.isError) body = <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.isPending)
    body = (
      <Center py="xl">
        <Loader />
      </Center>
    );
  else if (query.data.rows.length === 0)
    body = <EmptyState title={filtered ? t('sales.orders.emptyFiltered') : t('sales.orders.emptyTitle')} text={filtered ? '' : t('sales.orders.emptyText')} />;
  else {
    const page = query.data;
    body = (
      <>
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="orders-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sales.field.orderNo')}</Table.Th>
                <Table.Th>{t('sales.field.customer')}</Table.Th>
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
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.orderNo ?? <Text span c="dimmed" size="sm">{t('sales.orderStatus.draft')}</Text>}</Table.Td>
                  <Table.Td>{o.customerName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.orderDate}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.promisedDate ?? ''}</Table.Td>
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
          <Text size="sm" c="dimmed">
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
          <Button size="xs" variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exporting} onClick={() => void exportAll()} data-testid="orders-export">
            {t('sales.orders.export')}
          </Button>
        </Group>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('sales.orders.title')}
        actions={
          <>
            {can('sales.approve') && (
              <Button variant="light" leftSection={<IconChecklist size={16} />} onClick={() => navigate('/orders/approvals')}>
                {t('sales.orders.approvals')}
              </Button>
            )}
            {can('sales.approve') && (
              <Button variant="subtle" leftSection={<IconAdjustments size={16} />} onClick={() => navigate('/orders/rules')} data-testid="orders-rules">
                {t('sales.orders.rules')}
              </Button>
            )}
            {can('sales.write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/orders/new')} data-testid="add-order">
                {t('sales.orders.add')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" gap="sm">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('sales.orders.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={280}
            aria-label={t('sales.orders.searchPlaceholder')}
          />
          <Select
            placeholder={t('sales.orders.anyStatus')}
            data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`sales.orderStatus.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as OrderStatus | null)}
            clearable
            w={160}
            aria-label={t('sales.field.status')}
          />
        </Group>
        {body}
      </Paper>
    </>
  );
}
