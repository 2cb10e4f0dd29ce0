import { Badge, Drawer, Group, Select, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingWarehouse, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-main/domain/core/money';
import type { StockRow } from '../../../../src-main/domain/stock/stock.dto';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { useWarehouseOptions } from '../stock.queries';
import { MovesTable } from './MovesTable';
import { shortcutTarget } from '../../../components/shortcut-targets';

/** 库存总览: on hand, reserved, available and average cost per product and warehouse; a row opens the moves behind it. */
export function OverviewTab() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [belowSafety, setBelowSafety] = useState(false);
  const [inStockOnly, setInStockOnly] = useState(true);
  const [opened, setOpened] = useState<StockRow | null>(null);
  const warehouses = useWarehouseOptions();
  const filter = { ...(q ? { q } : {}), ...(warehouseId ? { warehouseId } : {}), belowSafety, inStockOnly };
  const columns: Column<StockRow>[] = [
    { key: 'code', header: t('stock.field.productCode'), render: (r) => r.productCode, nowrap: true },
    {
      key: 'name',
      header: t('stock.field.productName'),
      render: (r) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{r.productName}</Text>
          {r.belowSafety && <Badge color="red" variant="light" size="sm">{t('stock.overview.lowBadge')}</Badge>}
          {r.countNo && <Badge color="yellow" variant="light" size="sm">{t('stock.overview.countingBadge')}</Badge>}
        </Group>
      ),
    },
    { key: 'spec', header: t('stock.field.spec'), render: (r) => r.spec ?? '' },
    { key: 'warehouse', header: t('stock.field.warehouse'), render: (r) => r.warehouseName, nowrap: true },
    { key: 'onHand', header: t('stock.field.onHand'), align: 'right', render: (r) => `${r.onHand} ${r.unit}` },
    { key: 'reserved', header: t('stock.field.reserved'), align: 'right', render: (r) => String(r.reserved) },
    { key: 'available', header: t('stock.field.available'), align: 'right', render: (r) => <Text size="sm" fw={600} c={r.available <= 0 ? 'red' : undefined}>{r.available}</Text> },
    { key: 'safety', header: t('stock.field.safetyStock'), align: 'right', render: (r) => (r.safetyStock ? String(r.safetyStock) : '—') },
    { key: 'avgCost', header: t('stock.field.avgCost'), align: 'right', render: (r) => formatFen(r.avgCost) },
    { key: 'value', header: t('stock.field.stockValue'), align: 'right', render: (r) => formatFen(r.stockValue) },
  ];
  return (
    <>
      <Group mb="sm" gap="sm">
        <TextInput leftSection={<IconSearch size={16} />} placeholder={t('stock.overview.searchPlaceholder')} {...shortcutTarget('search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
        <Select placeholder={t('stock.overview.allWarehouses')} data={warehouses} value={warehouseId} onChange={setWarehouseId} clearable w={200} />
        <Switch label={t('stock.overview.inStockOnly')} checked={inStockOnly} onChange={(e) => setInStockOnly(e.currentTarget.checked)} />
        <Switch label={t('stock.overview.belowSafety')} checked={belowSafety} onChange={(e) => setBelowSafety(e.currentTarget.checked)} />
      </Group>
      <DataTable
        method="stock.overview"
        countWords="stock.overview"
        input={filter}
        columns={columns}
        rowKey={(r) => `${r.productId}|${r.warehouseId}`}
        onRowClick={setOpened}
        onExport={async (jobId) => saveExport(await api.exports.stock({ ...filter, format: 'xlsx', language: exportLanguage(), jobId }))}
        minWidth={1100}
        empty={<EmptyState icon={<IconBuildingWarehouse size={30} />} title={t('stock.overview.emptyTitle')} text={t('stock.overview.emptyText')} />}
      />
      <Drawer opened={!!opened} onClose={() => setOpened(null)} position="right" size="xl" title={opened ? t('stock.overview.movesOf', { product: opened.productName, warehouse: opened.warehouseName }) : ''}>
        {opened && <MovesTable productId={opened.productId} warehouseId={opened.warehouseId} />}
      </Drawer>
    </>
  );
}
