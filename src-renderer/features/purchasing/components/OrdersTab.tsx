import { Badge, Button, Drawer, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileInvoice, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatFen } from '../../../../src-main/domain/core/money';
import { PURCHASE_ORDER_STATUSES, type PurchaseOrderRow, type PurchaseOrderStatus } from '../../../../src-main/domain/purchasing/purchasing.dto';
import { api } from '../../../api/client';
import { parseFilterParam } from '../../../api/url-filters';
import { businessToday } from '../../../format';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { useCan } from '../../auth/current-user';
import { OrderDrawer } from './OrderDrawer';
import { OrderFormModal } from './OrderFormModal';
import { shortcutTarget } from '../../../components/shortcut-targets';

export const PO_STATUS_COLORS: Record<PurchaseOrderStatus, string> = { draft: 'gray', confirmed: 'blue', partly_received: 'yellow', received: 'teal', cancelled: 'red' };

/** What a workbench figure opens the list with (`?f=`): still to arrive, and expected before a day. */
interface ArrivalFilters {
  openOnly?: boolean;
  expectedBefore?: string;
}

/**
 * 采购订单: drafted, confirmed to the supplier, received in one or several goes. A workbench figure
 * opens it with `?f=` (still to arrive, late), shown as filters that clear.
 */
export function OrdersTab() {
  const { t } = useTranslation();
  const write = useCan()('purchasing.write');
  const [params, setParams] = useSearchParams();
  const today = businessToday();
  const arrival = parseFilterParam<ArrivalFilters>(params.get('f'));
  const setArrival = (next: ArrivalFilters) => setParams(next.openOnly || next.expectedBefore ? { f: JSON.stringify(next) } : {}, { replace: true });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<PurchaseOrderStatus | null>(null);
  const [adding, setAdding] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const filter = {
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(arrival.openOnly ? { openOnly: true } : {}),
    ...(arrival.expectedBefore ? { expectedBefore: arrival.expectedBefore } : {}),
  };
  const columns: Column<PurchaseOrderRow>[] = [
    { key: 'no', header: t('purchasing.field.poNo'), render: (o) => o.poNo, nowrap: true },
    { key: 'date', header: t('purchasing.field.orderDate'), render: (o) => o.orderDate, nowrap: true },
    { key: 'supplier', header: t('purchasing.field.supplier'), render: (o) => o.supplierName },
    { key: 'warehouse', header: t('purchasing.field.warehouse'), render: (o) => o.warehouseName, nowrap: true },
    { key: 'status', header: t('purchasing.field.status'), render: (o) => <Badge color={PO_STATUS_COLORS[o.status]} variant="light">{t(`purchasing.status.${o.status}`)}</Badge> },
    {
      key: 'expected',
      header: t('purchasing.field.expectedDate'),
      // Still to arrive and expected on a day gone by: the buyer chases the supplier.
      render: (o) =>
        o.expectedDate && o.expectedDate < today && (o.status === 'confirmed' || o.status === 'partly_received') ? (
          <Text span size="sm" c="red" data-testid="po-late">
            {o.expectedDate}
          </Text>
        ) : (
          (o.expectedDate ?? '')
        ),
      nowrap: true,
    },
    { key: 'received', header: t('purchasing.field.received'), align: 'right', render: (o) => `${o.receivedQuantity}/${o.orderedQuantity}` },
    { key: 'gross', header: t('purchasing.field.totalGross'), align: 'right', render: (o) => formatFen(o.totalGross) },
  ];
  const add = write && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="add-order" {...shortcutTarget('create')}>
      {t('purchasing.orders.add')}
    </Button>
  );
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <TextInput leftSection={<IconSearch size={16} />} placeholder={t('purchasing.orders.searchPlaceholder')} {...shortcutTarget('search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={220} />
          <Select
            placeholder={t('purchasing.orders.allStatuses')}
            clearable
            w={160}
            data={PURCHASE_ORDER_STATUSES.map((s) => ({ value: s, label: t(`purchasing.status.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as PurchaseOrderStatus | null)}
          />
          {arrival.openOnly && (
            <Button variant="light" size="xs" rightSection={<IconX size={14} />} onClick={() => setArrival({})} data-testid="po-open-only">
              {t('purchasing.orders.openOnly')}
            </Button>
          )}
          {arrival.expectedBefore && (
            <Button variant="light" color="red" size="xs" rightSection={<IconX size={14} />} onClick={() => setArrival({ openOnly: arrival.openOnly })} data-testid="po-expected-before">
              {t('purchasing.orders.expectedBefore', { date: arrival.expectedBefore })}
            </Button>
          )}
        </Group>
        {add}
      </Group>
      <DataTable
        method="purchasing.listOrders"
        countWords="purchasing.orders"
        input={filter}
        columns={columns}
        rowKey={(o) => o.id}
        onRowClick={(o) => setOpened(o.id)}
        onExport={async (jobId) => saveExport(await api.exports.purchaseOrders({ ...filter, format: 'xlsx', language: exportLanguage(), jobId }))}
        minWidth={960}
        empty={<EmptyState icon={<IconFileInvoice size={30} />} title={t('purchasing.orders.emptyTitle')} text={t('purchasing.orders.emptyText')} action={add} />}
      />
      {adding && (
        <OrderFormModal
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false);
            setOpened(id);
          }}
        />
      )}
      <Drawer opened={!!opened} onClose={() => setOpened(null)} position="right" size="xl" title={t('purchasing.tabs.orders')}>
        {opened && <OrderDrawer id={opened} />}
      </Drawer>
    </>
  );
}
