import { Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-main/domain/core/money';
import type { MoveRow } from '../../../../src-main/domain/stock/stock.dto';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';

/** The ledger behind a figure: every move, newest first, with the document that caused it. */
export function MovesTable({ productId, warehouseId }: { productId?: string; warehouseId?: string }) {
  const { t } = useTranslation();
  const filter = { ...(productId ? { productId } : {}), ...(warehouseId ? { warehouseId } : {}) };
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
  return (
    <DataTable
      method="stock.moves"
      countWords="stock.moves"
      input={filter}
      columns={columns}
      rowKey={(m) => m.id}
      onExport={async (jobId) => saveExport(await api.exports.stockMoves({ ...filter, format: 'xlsx', language: exportLanguage(), jobId }))}
      minWidth={productId ? 640 : 960}
      empty={<EmptyState icon={<IconArrowsExchange size={30} />} title={t('stock.moves.emptyTitle')} text={t('stock.moves.emptyText')} />}
    />
  );
}
