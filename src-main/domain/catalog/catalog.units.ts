/**
 * Quantities in a product's two units. Every quantity is stored in the base unit (个); a line may be
 * entered in the second unit (箱 = 12 个), which order entry converts here. Runtime-neutral: the
 * order form shows the same conversion the server stores.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { ProductUnits } from './catalog.dto';

/**
 * Base units for a quantity entered in `unit` (the base unit or the second unit, by name).
 * `toBaseQuantity({ unit: '个', secondUnit: '箱', secondUnitFactor: 12 }, 3, '箱')` = 36.
 * Throws VALIDATION (`quantity` / `unit`) for a quantity that is not a positive whole number or a
 * unit the product does not have; `path` prefixes the issues (e.g. `lines.2`).
 */
export function toBaseQuantity(product: ProductUnits, quantity: number, unit: string, path = ''): number {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (!Number.isSafeInteger(quantity)) throw new AppError('VALIDATION', `Quantity ${quantity} is not a whole number`, [fieldIssue(at('quantity'), 'not_integer')]);
  if (quantity < 1) throw new AppError('VALIDATION', `Quantity ${quantity} is below 1`, [fieldIssue(at('quantity'), 'too_small', { min: 1 })]);
  if (unit === product.unit) return quantity;
  if (product.secondUnit !== null && product.secondUnitFactor !== null && unit === product.secondUnit) {
    const base = quantity * product.secondUnitFactor;
    if (!Number.isSafeInteger(base)) throw new AppError('VALIDATION', `Quantity ${quantity} ${unit} is too large`, [fieldIssue(at('quantity'), 'too_big', { max: Math.floor(Number.MAX_SAFE_INTEGER / product.secondUnitFactor) })]);
    return base;
  }
  const options = product.secondUnit ? [product.unit, product.secondUnit] : [product.unit];
  throw new AppError('VALIDATION', `The product is counted in ${options.join(' or ')}, not ${unit}`, [fieldIssue(at('unit'), 'invalid_choice', { options })]);
}

/** A base quantity split into whole packs and the rest: 40 个 with 箱 = 12 → { packs: 3, rest: 4 }. */
export function inPacks(product: ProductUnits, baseQuantity: number): { packs: number; rest: number } {
  if (!product.secondUnitFactor) return { packs: 0, rest: baseQuantity };
  const sign = baseQuantity < 0 ? -1 : 1;
  const abs = Math.abs(baseQuantity);
  return { packs: sign * Math.floor(abs / product.secondUnitFactor), rest: sign * (abs % product.secondUnitFactor) };
}

/** "3箱4个", "36个", "2箱": how a warehouse reads a base quantity. */
export function quantityText(product: ProductUnits, baseQuantity: number): string {
  const { packs, rest } = inPacks(product, baseQuantity);
  if (!product.secondUnit || packs === 0) return `${baseQuantity}${product.unit}`;
  return `${packs}${product.secondUnit}${rest !== 0 ? `${Math.abs(rest)}${product.unit}` : ''}`;
}
