import type { ProductCreateInput } from '../../../src-main/domain/catalog/catalog.contract';
import { PRODUCT_FLAGS, type Product, type ProductFlag, type VatRate } from '../../../src-main/domain/catalog/catalog.dto';
import { parseYuan, yuanText } from '../../../src-main/domain/core/money';

/** What the product form edits: text as typed (money in yuan), converted to the contract's input on save. */
export interface ProductFormValues extends Record<ProductFlag, boolean> {
  code: string;
  name: string;
  spec: string;
  categoryId: string | null;
  unit: string;
  secondUnit: string;
  secondUnitFactor: number | '';
  barcode: string;
  vatRate: string;
  listPrice: string;
  standardCost: string;
  reorderIntervalDays: number | '';
  notes: string;
}

export function emptyProductValues(): ProductFormValues {
  return {
    code: '',
    name: '',
    spec: '',
    categoryId: null,
    unit: '',
    secondUnit: '',
    secondUnitFactor: '',
    barcode: '',
    vatRate: '1300',
    listPrice: '',
    standardCost: '',
    reorderIntervalDays: '',
    notes: '',
    isStocked: true,
    isService: false,
    isSparePart: false,
    isConsumable: false,
    isSerialTracked: false,
  };
}

export function valuesFromProduct(p: Product): ProductFormValues {
  return {
    code: p.code,
    name: p.name,
    spec: p.spec ?? '',
    categoryId: p.categoryId,
    unit: p.unit,
    secondUnit: p.secondUnit ?? '',
    secondUnitFactor: p.secondUnitFactor ?? '',
    barcode: p.barcode ?? '',
    vatRate: String(p.vatRate),
    listPrice: yuanText(p.listPrice),
    standardCost: yuanText(p.standardCost),
    reorderIntervalDays: p.reorderIntervalDays ?? '',
    notes: p.notes ?? '',
    ...(Object.fromEntries(PRODUCT_FLAGS.map((flag) => [flag, p[flag]])) as Record<ProductFlag, boolean>),
  };
}

/** Money that does not parse goes to the server as -1, which refuses it at the same path with a coded issue. */
function fen(text: string): number {
  return text.trim() === '' ? 0 : (parseYuan(text) ?? -1);
}

export function productInputOf(v: ProductFormValues): Omit<ProductCreateInput, 'substituteIds'> {
  return {
    code: v.code.trim() || null,
    name: v.name,
    spec: v.spec,
    categoryId: v.categoryId,
    unit: v.unit,
    secondUnit: v.secondUnit.trim() || null,
    secondUnitFactor: v.secondUnitFactor === '' ? null : v.secondUnitFactor,
    barcode: v.barcode.trim() || null,
    vatRate: Number(v.vatRate) as VatRate,
    listPrice: fen(v.listPrice),
    standardCost: fen(v.standardCost),
    // Only a consumable has a reorder interval; unticking it drops the interval rather than refusing the save.
    reorderIntervalDays: v.reorderIntervalDays === '' || !v.isConsumable ? null : v.reorderIntervalDays,
    notes: v.notes,
    ...(Object.fromEntries(PRODUCT_FLAGS.map((flag) => [flag, v[flag]])) as Record<ProductFlag, boolean>),
  };
}
