import { Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-main/domain/core/money';
import { STOCK_MOVE_KINDS, type MoveRow, type ProductPick, type StockMoveKind } from '../../../../src-main/domain/stock/stock.dto';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { DateField } from '../../../components/DateField';
import { EmptyState } from '../../../components/EmptyState';
import { useWarehouseOptions } from '../stock.queries';
import { ProductPicker } from './ProductPicker';

/** What the whole ledger is narrowed to: a product, a warehouse, a kind of move, a span of dates. */
interface LedgerFilters {
  product: ProductPick | null;
  warehouseId: string | null;
  kind: StockMoveKind | null;
  from: string | null;
  to: string | null;
}

const NO_FILTERS: LedgerFilters = { product: null, warehouseId: null, kind: null, from: null, to: null };

function LedgerFilterBar({ value, onChange }: { value: LedgerFilters; onChange: (next: LedgerFilters) => void }) {
  const { t } = useTranslation();
  const warehouses = useWarehouseOptions();
  return (
    <Group gap="sm" align="flex-end" data-testid="moves-filters">
      <ProductPicker label={t('stock.field.product')} value={value.product} onChange={(product) => onChange({ ...value, product })} />
      <Select
        label={t('stock.field.warehouse')}
        data={warehouses}
        value={value.warehouseId}
        onChange={(warehouseId) => onChange({ ...value, warehouseId })}
        placeholder={t('stock.moves.anyWarehouse')}
        clearable
        w={180}
        data-testid="moves-warehouse"
      />
      <Select
        label={t('stock.field.kind')}
        data={STOCK_MOVE_KINDS.map((kind) => ({ value: kind, label: t(`stock.moveKind.${kind}`) }))}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kind as StockMoveKind | null })}
        placeholder={t('stock.moves.anyKind')}
        clearable
        w={150}
        data-testid="moves-kind"
      />
      <DateField label={t('stock.moves.from')} value={value.from} onChange={(from) => onChange({ ...value, from: (from as string | null) ?? null })} w={140} data-testid="moves-from" />
      <DateField label={t('stock.moves.to')} value={value.to} onChange={(to) => onChange({ ...value, to: (to as string | null) ?? null })} w={140} data-testid="moves-to" />
    </Group>
  );
}

/**
 * The ledger behind a figure: every move, newest first, with the document that caused it. The
 * whole ledger (no product or warehouse given) can be narrowed, and exports what it shows.
 */
export function MovesTable({ productId, warehouseId }: { productId?: string; warehouseId?: string }) {
  const { t } = useTranslation();
  const ledger = !productId && !warehouseId;
  const [narrowed, setNarrowed] = useState<LedgerFilters>(NO_FILTERS);
  // A date being typed parses at every keystroke (2026-1, 2026-11-0…): the list follows once typing stops.
  const [settled] = useDebouncedValue(narrowed, 300);
  const filter = ledger
    ? {
        ...(settled.product ? { productId: settled.product.id } : {}),
        ...(settled.warehouseId ? { warehouseId: settled.warehouseId } : {}),
        ...(settled.kind ? { kind: settled.kind } : {}),
        ...(settled.from ? { from: settled.from } : {}),
        ...(settled.to ? { to: settled.to } : {}),
      }
    : { ...(productId ? { productId } : {}), ...(warehouseId ? { warehouseId } : {}) };
  const filtered = ledger && Object.keys(filter).length > 0;
  const columns: Column<MoveRow>[] = [
    { key: 'date', header: t('stock.field.date'), render: (m) => m.moveDate, nowrap: true },
    // Inside one product's or one warehouse's moves, the column would repeat the title.
    ...(productId ? [] : [{ key: 'product', header: t('stock.field.product'), render: (m: MoveRow) => `${m.productCode} ${m.productName}` }]),
    ...(warehouseId ? [] : [{ key: 'warehouse', header: t('stock.field.warehouse'), render: (m: MoveRow) => m.warehouseName, nowrap: true }]),
    { key: 'kind', header: t('stock.field.kind'), render: (m) => t(`stock.moveKind.${m.kind}`), nowrap: true },
    {
      key: 'quantity',
      header: t('stock.field.quantity'),
      align: 'right',
      render: (m) => (
        <Text size="sm" c={m.quantity < 0 ? 'red' : 'teal'}>
          {m.quantity > 0 ? `+${m.quantity}` : m.quantity} {m.unit}
        </Text>
      ),
    },
    { key: 'unitCost', header: t('stock.field.unitCost'), align: 'right', render: (m) => formatFen(m.unitCost) },
    ...(productId && warehouseId ? [{ key: 'balance', header: t('stock.field.balance'), align: 'right' as const, render: (m: MoveRow) => String(m.balance ?? '') }] : []),
    { key: 'documentNo', header: t('stock.field.documentNo'), render: (m) => m.documentNo, nowrap: true },
    { key: 'user', header: t('stock.field.user'), render: (m) => m.userName ?? '', nowrap: true },
  ];
  const table = (
    <DataTable
      method="stock.moves"
      countWords="stock.moves"
      input={filter}
      columns={columns}
      rowKey={(m) => m.id}
      onExport={async (jobId) => saveExport(await api.exports.stockMoves({ ...filter, format: 'xlsx', language: exportLanguage(), jobId }))}
      minWidth={productId ? 640 : 960}
      empty={
        filtered ? (
          <Text c="dimmed" py="lg" ta="center">
            {t('stock.moves.noMatch')}
          </Text>
        ) : (
          <EmptyState icon={<IconArrowsExchange size={30} />} title={t('stock.moves.emptyTitle')} text={t('stock.moves.emptyText')} />
        )
      }
    />
  );
  if (!ledger) return table;
  return (
    <Stack gap="sm">
      <LedgerFilterBar value={narrowed} onChange={setNarrowed} />
      {table}
    </Stack>
  );
}
