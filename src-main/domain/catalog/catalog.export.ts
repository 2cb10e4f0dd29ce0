/**
 * The product list as a file (商品档案): its columns, and the words a person reads in each UI
 * language. For tools the headers are snake_case keys, money is yuan text and flags are yes/no.
 * Runtime-neutral. The words repeat the renderer's catalog (features/catalog/messages.*.ts), which
 * the backend cannot import; exports.labels.test.ts checks that they agree.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportColumn, type ExportTable } from '../exports/exports.table';
import type { ProductFlag, ProductListRow } from './catalog.dto';

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
