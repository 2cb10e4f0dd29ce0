/**
 * The stock overview and the stock moves as files (库存, 出入库流水): their columns and the words a
 * person reads in each UI language. Quantities are base units; costs tax-exclusive yuan with two
 * decimals. Runtime-neutral.
 */
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { Locale } from '../auth/auth.contract';
import type { CountRow, MoveRow, StockCountStatus, StockMoveKind, StockRow, TransferRow } from './stock.dto';

const MOVE_KINDS_ZH_CN: Record<StockMoveKind, string> = {
  opening: '期初',
  receipt: '入库',
  delivery: '发货',
  return: '退货入库',
  transfer_out: '调拨出库',
  transfer_in: '调拨入库',
  count_adjustment: '盘点调整',
  scrap: '报损',
  service_issue: '维修领用',
};

export const STOCK_EXPORT_WORDS = {
  'zh-CN': {
    stockFile: '库存',
    movesFile: '出入库流水',
    field: {
      productCode: '商品编号',
      warehouseCode: '仓库编号',
      onHand: '现存量',
      reserved: '已预留',
      available: '可用量',
      avgCost: '平均成本',
      date: '日期',
      kind: '类型',
      quantity: '数量',
      unitCost: '单位成本',
      documentNo: '单据编号',
    },
    kind: MOVE_KINDS_ZH_CN,
  },
  en: {
    stockFile: 'Stock',
    movesFile: 'Stock moves',
    field: {
      productCode: 'Product code',
      warehouseCode: 'Warehouse',
      onHand: 'On hand',
      reserved: 'Reserved',
      available: 'Available',
      avgCost: 'Average cost',
      date: 'Date',
      kind: 'Kind',
      quantity: 'Quantity',
      unitCost: 'Unit cost',
      documentNo: 'Document no.',
    },
    kind: {
      opening: 'Opening balance',
      receipt: 'Receipt',
      delivery: 'Delivery',
      return: 'Return',
      transfer_out: 'Transfer out',
      transfer_in: 'Transfer in',
      count_adjustment: 'Count adjustment',
      scrap: 'Scrap',
      service_issue: 'Service issue',
    } satisfies Record<StockMoveKind, string>,
  },
  'zh-TW': {
    stockFile: '庫存',
    movesFile: '出入庫流水',
    field: {
      productCode: '商品編號',
      warehouseCode: '倉庫編號',
      onHand: '現存量',
      reserved: '已預留',
      available: '可用量',
      avgCost: '平均成本',
      date: '日期',
      kind: '類型',
      quantity: '數量',
      unitCost: '單位成本',
      documentNo: '單據編號',
    },
    kind: {
      opening: '期初',
      receipt: '入庫',
      delivery: '出貨',
      return: '退貨入庫',
      transfer_out: '調撥出庫',
      transfer_in: '調撥入庫',
      count_adjustment: '盤點調整',
      scrap: '報損',
      service_issue: '維修領用',
    } satisfies Record<StockMoveKind, string>,
  },
} satisfies Record<Locale, unknown>;

type Words = (typeof STOCK_EXPORT_WORDS)['zh-CN'];

const stockColumn = columnsWorded<Words, StockRow>(STOCK_EXPORT_WORDS);
const moveColumn = columnsWorded<Words, MoveRow>(STOCK_EXPORT_WORDS);

export const stockExportTable: ExportTable<StockRow> = {
  name: { machine: 'stock', ...localised(STOCK_EXPORT_WORDS, (w) => w.stockFile) },
  columns: [
    stockColumn('product_code', (w) => w.field.productCode, 'text', (r) => r.productCode),
    stockColumn('warehouse_code', (w) => w.field.warehouseCode, 'text', (r) => r.warehouseCode),
    stockColumn('on_hand', (w) => w.field.onHand, 'number', (r) => r.onHand),
    stockColumn('reserved', (w) => w.field.reserved, 'number', (r) => r.reserved),
    stockColumn('available', (w) => w.field.available, 'number', (r) => r.available),
    stockColumn('avg_cost', (w) => w.field.avgCost, 'money', (r) => r.avgCost),
  ],
};

export const stockMovesExportTable: ExportTable<MoveRow> = {
  name: { machine: 'stock-moves', ...localised(STOCK_EXPORT_WORDS, (w) => w.movesFile) },
  columns: [
    moveColumn('date', (w) => w.field.date, 'date', (r) => r.moveDate),
    moveColumn('product_code', (w) => w.field.productCode, 'text', (r) => r.productCode),
    moveColumn('warehouse_code', (w) => w.field.warehouseCode, 'text', (r) => r.warehouseCode),
    moveColumn('kind', (w) => w.field.kind, codeLabels(STOCK_EXPORT_WORDS, (w) => w.kind), (r) => r.kind),
    moveColumn('quantity', (w) => w.field.quantity, 'number', (r) => r.quantity),
    moveColumn('unit_cost', (w) => w.field.unitCost, 'money', (r) => r.unitCost),
    moveColumn('document_no', (w) => w.field.documentNo, 'text', (r) => r.documentNo),
  ],
};

/** The count sheets and transfers lists as files (盘点, 调拨): one row per document, as the tabs list them. */
export const STOCK_DOCUMENT_EXPORT_WORDS = {
  'zh-CN': {
    countsFile: '盘点',
    transfersFile: '调拨',
    field: {
      countNo: '盘点单号',
      transferNo: '调拨单号',
      date: '日期',
      warehouse: '仓库',
      from: '调出仓库',
      to: '调入仓库',
      status: '状态',
      lines: '明细',
      countedLines: '已盘行数',
      differenceLines: '差异行数',
      quantity: '数量',
      notes: '备注',
      user: '经办人',
    },
    countStatus: { counting: '盘点中', posted: '已过账', cancelled: '已作废' } satisfies Record<StockCountStatus, string>,
  },
  en: {
    countsFile: 'Stock counts',
    transfersFile: 'Transfers',
    field: {
      countNo: 'Count no.',
      transferNo: 'Transfer no.',
      date: 'Date',
      warehouse: 'Warehouse',
      from: 'From',
      to: 'To',
      status: 'Status',
      lines: 'Lines',
      countedLines: 'Lines counted',
      differenceLines: 'Lines with a difference',
      quantity: 'Quantity',
      notes: 'Notes',
      user: 'By',
    },
    countStatus: { counting: 'Counting', posted: 'Posted', cancelled: 'Cancelled' } satisfies Record<StockCountStatus, string>,
  },
  'zh-TW': {
    countsFile: '盤點',
    transfersFile: '調撥',
    field: {
      countNo: '盤點單號',
      transferNo: '調撥單號',
      date: '日期',
      warehouse: '倉庫',
      from: '調出倉庫',
      to: '調入倉庫',
      status: '狀態',
      lines: '明細',
      countedLines: '已盤行數',
      differenceLines: '差異行數',
      quantity: '數量',
      notes: '備註',
      user: '經辦人',
    },
    countStatus: { counting: '盤點中', posted: '已過帳', cancelled: '已作廢' } satisfies Record<StockCountStatus, string>,
  },
} satisfies Record<Locale, unknown>;

type DocumentWords = (typeof STOCK_DOCUMENT_EXPORT_WORDS)['zh-CN'];
const countColumn = columnsWorded<DocumentWords, CountRow>(STOCK_DOCUMENT_EXPORT_WORDS);
const transferColumn = columnsWorded<DocumentWords, TransferRow>(STOCK_DOCUMENT_EXPORT_WORDS);

export const stockCountExportTable: ExportTable<CountRow> = {
  name: { machine: 'stock-counts', ...localised(STOCK_DOCUMENT_EXPORT_WORDS, (w) => w.countsFile) },
  columns: [
    countColumn('count_no', (w) => w.field.countNo, 'text', (r) => r.countNo),
    countColumn('count_date', (w) => w.field.date, 'date', (r) => r.countDate),
    countColumn('warehouse', (w) => w.field.warehouse, 'text', (r) => r.warehouseName),
    countColumn('status', (w) => w.field.status, codeLabels(STOCK_DOCUMENT_EXPORT_WORDS, (w) => w.countStatus), (r) => r.status),
    countColumn('lines', (w) => w.field.lines, 'number', (r) => r.lineCount),
    countColumn('counted_lines', (w) => w.field.countedLines, 'number', (r) => r.countedLines),
    countColumn('difference_lines', (w) => w.field.differenceLines, 'number', (r) => r.differenceLines),
    countColumn('notes', (w) => w.field.notes, 'text', (r) => r.notes),
  ],
};

export const transferExportTable: ExportTable<TransferRow> = {
  name: { machine: 'transfers', ...localised(STOCK_DOCUMENT_EXPORT_WORDS, (w) => w.transfersFile) },
  columns: [
    transferColumn('transfer_no', (w) => w.field.transferNo, 'text', (r) => r.transferNo),
    transferColumn('transfer_date', (w) => w.field.date, 'date', (r) => r.transferDate),
    transferColumn('from_warehouse', (w) => w.field.from, 'text', (r) => r.fromWarehouseName),
    transferColumn('to_warehouse', (w) => w.field.to, 'text', (r) => r.toWarehouseName),
    transferColumn('lines', (w) => w.field.lines, 'number', (r) => r.lineCount),
    transferColumn('quantity', (w) => w.field.quantity, 'number', (r) => r.totalQuantity),
    transferColumn('notes', (w) => w.field.notes, 'text', (r) => r.notes),
    transferColumn('created_by', (w) => w.field.user, 'text', (r) => r.createdByName),
  ],
};
