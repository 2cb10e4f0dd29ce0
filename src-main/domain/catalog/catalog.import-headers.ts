/**
 * Which product field a spreadsheet column holds, from its header: our own export in every UI
 * language and for tools, and the usual headers of Chinese software (金蝶 存货编码, 用友 存货名称,
 * 管家婆 商品编号, 条形码, 计量单位…).
 */
import { normaliseHeader } from '../imports/imports.headers';
import type { ProductImportField } from '../imports/imports.contract';
import { PRODUCT_EXPORT_WORDS, productExportTable } from './catalog.export';

const SYNONYMS: Record<ProductImportField, string[]> = {
  code: ['商品编码', '商品编号', '商品代码', '存货编码', '存货代码', '物料编码', '物料代码', '货号', '编码', '编号', '代码', 'sku', 'code', 'product code', 'item code'],
  name: ['商品名称', '商品', '品名', '存货名称', '物料名称', '名称', '产品名称', 'name', 'product', 'product name', 'item name'],
  spec: ['规格型号', '规格', '型号', '规格型号描述', 'spec', 'specification', 'model'],
  category: ['商品分类', '商品类别', '存货分类', '存货类别', '物料分类', '分类', '类别', 'category'],
  unit: ['基本单位', '单位', '计量单位', '主计量单位', '主单位', '库存单位', 'unit', 'base unit', 'uom'],
  secondUnit: ['辅助单位', '副单位', '包装单位', '大单位', '辅计量单位', 'second unit', 'pack unit'],
  secondUnitFactor: ['换算率', '换算系数', '装箱数', '包装数量', '箱规', '换算关系', 'conversion', 'conversion rate', 'pack size'],
  barcode: ['条形码', '条码', '国际条码', 'ean', 'barcode', 'bar code', 'upc'],
  vatRate: ['税率', '增值税率', '销项税率', 'vat', 'vat rate', 'tax rate'],
  listPrice: ['零售价', '含税零售价', '售价', '销售价', '销售单价', '标准售价', '参考售价', '含税售价', 'list price', 'price', 'retail price'],
  standardCost: ['标准成本', '成本价', '成本', '参考成本', '进价', '参考进价', '采购价', 'standard cost', 'cost'],
  isStocked: ['库存商品', '管理库存', '是否库存', 'stocked'],
  isService: ['服务项目', '服务', '是否服务', 'service'],
  isSparePart: ['备件', '是否备件', 'spare part'],
  isConsumable: ['耗材', '是否耗材', 'consumable'],
  isSerialTracked: ['序列号管理', '序列号', '启用序列号', 'serial numbers', 'serial tracked'],
  reorderIntervalDays: ['补货周期', '复购周期', '补货天数', 'reorder every', 'reorder interval'],
  notes: ['备注', '说明', 'notes', 'remark', 'remarks'],
};

/** The export's column keys (product_code, list_price…) by field, so a tools export imports back. */
const EXPORT_KEY: Partial<Record<ProductImportField, string>> = {
  code: 'product_code',
  secondUnit: 'second_unit',
  secondUnitFactor: 'second_unit_factor',
  vatRate: 'vat_rate',
  listPrice: 'list_price',
  standardCost: 'standard_cost',
  isStocked: 'is_stocked',
  isService: 'is_service',
  isSparePart: 'is_spare_part',
  isConsumable: 'is_consumable',
  isSerialTracked: 'is_serial_tracked',
  reorderIntervalDays: 'reorder_interval_days',
};

const BY_HEADER = new Map<string, ProductImportField>();
for (const [field, headers] of Object.entries(SYNONYMS) as [ProductImportField, string[]][]) {
  const exported = Object.values(PRODUCT_EXPORT_WORDS).flatMap((words) => (field in words.field ? [words.field[field as keyof typeof words.field]] : []));
  for (const header of [...exported, EXPORT_KEY[field] ?? field, ...headers]) {
    if (!BY_HEADER.has(normaliseHeader(header))) BY_HEADER.set(normaliseHeader(header), field);
  }
}
// A checked column list: every export key this file knows must be one of the table's.
for (const key of Object.values(EXPORT_KEY)) {
  if (!productExportTable.columns.some((c) => c.key === key)) throw new Error(`The product export has no column ${key}`);
}

export function isProductHeader(header: string): boolean {
  return BY_HEADER.has(normaliseHeader(header));
}

/** The column → field mapping a header row suggests; each field is taken once, the first column winning. */
export function suggestProductMapping(headers: string[]): (ProductImportField | null)[] {
  const taken = new Set<ProductImportField>();
  return headers.map((header) => {
    const field = BY_HEADER.get(normaliseHeader(header));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
