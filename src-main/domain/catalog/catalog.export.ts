/**
 * The product list as a file (商品档案): its columns, and the words a person reads in each UI
 * language. For tools the headers are snake_case keys, money is yuan text and flags are yes/no.
 * Runtime-neutral. The words repeat the renderer's catalog (features/catalog/messages.*.ts), which
 * the backend cannot import; exports.labels.test.ts checks that they agree.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportColumn, type ExportTable } from '../exports/exports.table';
import type { PriceList, ProductFlag, ProductListRow } from './catalog.dto';
import type { PriceSheetRow } from './catalog.prices';
import { fileNamePart } from '../shared/text';

export const PRODUCT_EXPORT_WORDS = {
  'zh-CN': {
    file: '商品档案',
    field: {
      code: '商品编码',
      name: '商品名称',
      spec: '规格型号',
      category: '商品分类',
      unit: '基本单位',
      secondUnit: '辅助单位',
      secondUnitFactor: '换算率',
      barcode: '条形码',
      vatRate: '税率（%）',
      listPrice: '零售价（含税，元）',
      standardCost: '标准成本（不含税，元）',
      reorderIntervalDays: '补货周期（天）',
      isStocked: '库存商品',
      isService: '服务项目',
      isSparePart: '备件',
      isConsumable: '耗材',
      isSerialTracked: '序列号管理',
      status: '状态',
    },
    status: { active: '在售', archived: '已停用' },
    yesNo: { yes: '是', no: '否' },
  },
  en: {
    file: 'products',
    field: {
      code: 'Product code',
      name: 'Product name',
      spec: 'Specification',
      category: 'Category',
      unit: 'Base unit',
      secondUnit: 'Second unit',
      secondUnitFactor: 'Conversion',
      barcode: 'Barcode',
      vatRate: 'VAT (%)',
      listPrice: 'List price (incl. VAT, yuan)',
      standardCost: 'Standard cost (excl. VAT, yuan)',
      reorderIntervalDays: 'Reorder every (days)',
      isStocked: 'Stocked',
      isService: 'Service',
      isSparePart: 'Spare part',
      isConsumable: 'Consumable',
      isSerialTracked: 'Serial numbers',
      status: 'Status',
    },
    status: { active: 'Active', archived: 'Archived' },
    yesNo: { yes: 'Yes', no: 'No' },
  },
  'zh-TW': {
    file: '商品檔案',
    field: {
      code: '商品編碼',
      name: '商品名稱',
      spec: '規格型號',
      category: '商品分類',
      unit: '基本單位',
      secondUnit: '輔助單位',
      secondUnitFactor: '換算率',
      barcode: '條碼',
      vatRate: '稅率（%）',
      listPrice: '零售價（含稅，元）',
      standardCost: '標準成本（不含稅，元）',
      reorderIntervalDays: '補貨週期（天）',
      isStocked: '庫存商品',
      isService: '服務項目',
      isSparePart: '備件',
      isConsumable: '耗材',
      isSerialTracked: '序號管理',
      status: '狀態',
    },
    status: { active: '在售', archived: '已停用' },
    yesNo: { yes: '是', no: '否' },
  },
} satisfies Record<Locale, { file: string; field: Record<string, string>; status: Record<string, string>; yesNo: Record<string, string> }>;

type Words = (typeof PRODUCT_EXPORT_WORDS)['zh-CN'];

const column = columnsWorded<Words, ProductListRow>(PRODUCT_EXPORT_WORDS);
const yesNo = codeLabels(PRODUCT_EXPORT_WORDS, (w) => w.yesNo);

function flag(key: string, field: ProductFlag): ExportColumn<ProductListRow> {
  return column(key, (w) => w.field[field], yesNo, (r) => (r[field] ? 'yes' : 'no'));
}

export const productExportTable: ExportTable<ProductListRow> = {
  name: { machine: 'products', ...localised(PRODUCT_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('product_code', (w) => w.field.code, 'text', (r) => r.code),
    column('name', (w) => w.field.name, 'text', (r) => r.name),
    column('spec', (w) => w.field.spec, 'text', (r) => r.spec),
    column('category', (w) => w.field.category, 'text', (r) => r.categoryName),
    column('unit', (w) => w.field.unit, 'text', (r) => r.unit),
    column('second_unit', (w) => w.field.secondUnit, 'text', (r) => r.secondUnit),
    column('second_unit_factor', (w) => w.field.secondUnitFactor, 'number', (r) => r.secondUnitFactor),
    column('barcode', (w) => w.field.barcode, 'text', (r) => r.barcode),
    // Percent, as people write it (13), not basis points.
    column('vat_rate', (w) => w.field.vatRate, 'number', (r) => r.vatRate / 100),
    column('list_price', (w) => w.field.listPrice, 'money', (r) => r.listPrice),
    column('standard_cost', (w) => w.field.standardCost, 'money', (r) => r.standardCost),
    flag('is_stocked', 'isStocked'),
    flag('is_service', 'isService'),
    flag('is_spare_part', 'isSparePart'),
    flag('is_consumable', 'isConsumable'),
    flag('is_serial_tracked', 'isSerialTracked'),
    column('reorder_interval_days', (w) => w.field.reorderIntervalDays, 'number', (r) => r.reorderIntervalDays),
    column('status', (w) => w.field.status, codeLabels(PRODUCT_EXPORT_WORDS, (w) => w.status), (r) => r.status),
  ],
};

/** The price lists (价目表) and one list's price sheet, a quantity break a row: what a salesperson sends a customer. */
export const PRICE_LIST_EXPORT_WORDS = {
  'zh-CN': {
    listsFile: '价目表',
    sheetFile: '商品价格',
    field: {
      code: '价目表编号',
      name: '价目表名称',
      kind: '适用范围',
      tier: '客户等级',
      customer: '指定客户',
      taxInclusive: '价格含税',
      validFrom: '生效日期',
      validTo: '截止日期',
      status: '状态',
      productCount: '商品数',
      productCode: '商品编码',
      productName: '商品名称',
      spec: '规格型号',
      unit: '基本单位',
      minQuantity: '起订数量',
      unitPrice: '单价（元）',
      listPrice: '零售价（含税，元）',
    },
    kinds: { standard: '标准价', tier: '按客户等级', customer: '客户专属价' },
    statuses: { active: '启用', archived: '已停用' },
    tax: { inclusive: '含税', exclusive: '不含税' },
  },
  en: {
    listsFile: 'Price lists',
    sheetFile: 'Prices',
    field: {
      code: 'Price list no.',
      name: 'Price list name',
      kind: 'Applies to',
      tier: 'Customer tier',
      customer: 'Customer',
      taxInclusive: 'Prices include VAT',
      validFrom: 'Valid from',
      validTo: 'Valid to',
      status: 'Status',
      productCount: 'Products',
      productCode: 'Product code',
      productName: 'Product name',
      spec: 'Specification',
      unit: 'Unit',
      minQuantity: 'From quantity',
      unitPrice: 'Unit price (CNY)',
      listPrice: 'List price (incl. VAT, CNY)',
    },
    kinds: { standard: 'Standard', tier: 'Customer tier', customer: 'One customer' },
    statuses: { active: 'Active', archived: 'Archived' },
    tax: { inclusive: 'Incl. VAT', exclusive: 'Excl. VAT' },
  },
  'zh-TW': {
    listsFile: '價目表',
    sheetFile: '商品價格',
    field: {
      code: '價目表編號',
      name: '價目表名稱',
      kind: '適用範圍',
      tier: '客戶等級',
      customer: '指定客戶',
      taxInclusive: '價格含稅',
      validFrom: '生效日期',
      validTo: '截止日期',
      status: '狀態',
      productCount: '商品數',
      productCode: '商品編碼',
      productName: '商品名稱',
      spec: '規格型號',
      unit: '基本單位',
      minQuantity: '起訂數量',
      unitPrice: '單價（元）',
      listPrice: '零售價（含稅，元）',
    },
    kinds: { standard: '標準價', tier: '按客戶等級', customer: '客戶專屬價' },
    statuses: { active: '啟用', archived: '已停用' },
    tax: { inclusive: '含稅', exclusive: '不含稅' },
  },
} satisfies Record<Locale, unknown>;

type PriceWords = (typeof PRICE_LIST_EXPORT_WORDS)['zh-CN'];
const listColumn = columnsWorded<PriceWords, PriceList>(PRICE_LIST_EXPORT_WORDS);
const sheetColumn = columnsWorded<PriceWords, PriceSheetRow>(PRICE_LIST_EXPORT_WORDS);
const tax = codeLabels(PRICE_LIST_EXPORT_WORDS, (w) => w.tax);
const taxSide = (inclusive: boolean) => (inclusive ? 'inclusive' : 'exclusive');

export const priceListExportTable: ExportTable<PriceList> = {
  name: { machine: 'price-lists', ...localised(PRICE_LIST_EXPORT_WORDS, (w) => w.listsFile) },
  columns: [
    listColumn('code', (w) => w.field.code, 'text', (l) => l.code),
    listColumn('name', (w) => w.field.name, 'text', (l) => l.name),
    listColumn('kind', (w) => w.field.kind, codeLabels(PRICE_LIST_EXPORT_WORDS, (w) => w.kinds), (l) => l.kind),
    listColumn('tier', (w) => w.field.tier, 'text', (l) => l.tier),
    listColumn('customer', (w) => w.field.customer, 'text', (l) => l.customerName),
    listColumn('tax', (w) => w.field.taxInclusive, tax, (l) => taxSide(l.taxInclusive)),
    listColumn('valid_from', (w) => w.field.validFrom, 'date', (l) => l.validFrom),
    listColumn('valid_to', (w) => w.field.validTo, 'date', (l) => l.validTo),
    listColumn('status', (w) => w.field.status, codeLabels(PRICE_LIST_EXPORT_WORDS, (w) => w.statuses), (l) => l.status),
    listColumn('product_count', (w) => w.field.productCount, 'number', (l) => l.productCount),
  ],
};

const priceSheetColumns: ExportTable<PriceSheetRow>['columns'] = [
  sheetColumn('product_code', (w) => w.field.productCode, 'text', (r) => r.code),
  sheetColumn('product_name', (w) => w.field.productName, 'text', (r) => r.name),
  sheetColumn('spec', (w) => w.field.spec, 'text', (r) => r.spec),
  sheetColumn('unit', (w) => w.field.unit, 'text', (r) => r.unit),
  sheetColumn('min_quantity', (w) => w.field.minQuantity, 'number', (r) => r.minQuantity),
  sheetColumn('unit_price', (w) => w.field.unitPrice, 'money', (r) => r.unitPrice),
  sheetColumn('tax', (w) => w.field.taxInclusive, tax, (r) => taxSide(r.taxInclusive)),
  sheetColumn('list_price', (w) => w.field.listPrice, 'money', (r) => r.listPrice),
];

/**
 * One list's price sheet named for the list (商品价格-金陵酒店协议价-2026-12-01.xlsx): the file a
 * salesperson sends a customer, and the next one they send another, must tell themselves apart.
 */
export function priceSheetExportTable(list: { code: string; name: string }): ExportTable<PriceSheetRow> {
  const listName = fileNamePart(list.name, ' ');
  return {
    columns: priceSheetColumns,
    name: { machine: `prices-${fileNamePart(list.code, '-')}`, ...localised(PRICE_LIST_EXPORT_WORDS, (w) => `${w.sheetFile}-${listName}`) },
  };
}
