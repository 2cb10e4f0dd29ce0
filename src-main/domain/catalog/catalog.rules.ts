/**
 * The catalog's field rules, runtime-neutral so the product form pre-checks with the same code the
 * service decides with. Rules that span fields (units, flags) are checked on the product as it
 * would be after the change, so an update of one field cannot break another.
 */
import { fieldIssue, type FieldIssue } from '../../api/issues';
import { toHalfWidth } from '../shared/text';
import type { ProductFlags, ProductUnits } from './catalog.dto';

/** Barcodes as a scanner or a person types them: half-width, no spaces. */
export function normaliseBarcode(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/** GTIN check digit (EAN-8, UPC-A, EAN-13, ITF-14): weights 3,1,3,… from the right, before the check digit. */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** An EAN-13 from its first 12 digits (690… is a Chinese company prefix). */
export function ean13(first12: string): string {
  if (!/^\d{12}$/.test(first12)) throw new RangeError(`${first12} is not the body of an EAN-13`);
  return first12 + String(gtinCheckDigit(first12));
}

/**
 * Whether a barcode can be right. All-digit codes of 8, 12, 13 or 14 digits are GTINs and carry a
 * check digit, so a mistyped digit is caught here; other codes (Code 128, a shop's own labels)
 * are letters, digits and hyphens.
 */
export function isValidBarcode(code: string): boolean {
  if (!/^[A-Za-z0-9-]{4,32}$/.test(code)) return false;
  if (/^\d+$/.test(code) && [8, 12, 13, 14].includes(code.length)) return gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
  return true;
}

/** Product codes: letters, digits and . - _ / (01.02.003, SP-001), half-width. */
export const PRODUCT_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,39}$/;

export function normaliseProductCode(text: string): string {
  return toHalfWidth(text).trim();
}

export type ProductShape = ProductUnits & ProductFlags & { reorderIntervalDays: number | null };

/**
 * What cannot hold together on one product: a second unit needs a pack size above 1 (箱 = 12 个)
 * and must differ from the base unit; a service is never stocked or serial-tracked; a serial
 * number needs stock to live in; a re-order interval belongs to a consumable.
 */
export function productShapeIssues(p: ProductShape): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.secondUnit && p.secondUnitFactor === null) issues.push(fieldIssue('secondUnitFactor', 'required'));
  if (!p.secondUnit && p.secondUnitFactor !== null) issues.push(fieldIssue('secondUnit', 'required'));
  if (p.secondUnitFactor !== null && p.secondUnitFactor < 2) issues.push(fieldIssue('secondUnitFactor', 'too_small', { min: 2 }));
  if (p.secondUnit && p.secondUnit === p.unit) issues.push(fieldIssue('secondUnit', 'not_allowed', { reason: 'same_unit' }));
  if (p.isService && p.isStocked) issues.push(fieldIssue('isStocked', 'not_allowed', { reason: 'service_stocked' }));
  if (p.isService && p.isSerialTracked) issues.push(fieldIssue('isSerialTracked', 'not_allowed', { reason: 'service_serial_tracked' }));
  else if (p.isSerialTracked && !p.isStocked) issues.push(fieldIssue('isSerialTracked', 'not_allowed', { reason: 'serial_needs_stock' }));
  if (p.reorderIntervalDays !== null && !p.isConsumable) issues.push(fieldIssue('reorderIntervalDays', 'not_allowed', { reason: 'reorder_needs_consumable' }));
  return issues;
}
