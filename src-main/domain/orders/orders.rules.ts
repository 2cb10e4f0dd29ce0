/**
 * The money of a sales line (quotes, orders, returns): quantity × price less the line discount,
 * then VAT per line with core/money's taxLine. Runtime-neutral: the order form shows live totals
 * with the same functions the backend stores.
 */
import { roundHalfUp, taxLine, type BasisPoints, type Fen, type TaxedAmount } from '../core/money';

export interface SalesLineMoney {
  /** Base units. */
  quantity: number;
  /** Fen per base unit, on the document's side of tax. */
  unitPrice: Fen;
  discountBp: BasisPoints;
  vatRate: BasisPoints;
}

/** The discount in fen: quantity × price × rate, rounded half-up once for the line. */
export function discountFen(line: Pick<SalesLineMoney, 'quantity' | 'unitPrice' | 'discountBp'>): Fen {
  return roundHalfUp(BigInt(line.quantity) * BigInt(line.unitPrice) * BigInt(line.discountBp), 10_000n);
}

/** Net, tax and gross of one line; a document's totals are the sums of these (sumTaxLines). */
export function lineAmounts(line: SalesLineMoney, pricesIncludeTax: boolean): TaxedAmount {
  return taxLine({ quantity: line.quantity, unitPrice: line.unitPrice, discount: discountFen(line), taxRate: line.vatRate, pricesIncludeTax });
}

/** A price moved to the other side of VAT (a tax-exclusive price list on a 含税 order), rounded half-up. */
export function priceOnBasis(price: Fen, vatRate: BasisPoints, from: { taxInclusive: boolean }, to: { taxInclusive: boolean }): Fen {
  if (from.taxInclusive === to.taxInclusive) return price;
  return to.taxInclusive ? roundHalfUp(BigInt(price) * BigInt(10_000 + vatRate), 10_000n) : roundHalfUp(BigInt(price) * 10_000n, BigInt(10_000 + vatRate));
}

/**
 * How far below the price list a line sells, in basis points: the line discount and any lower
 * price typed over the list price together (what the discount_over approval rule looks at).
 */
export function effectiveDiscountBp(line: { listPrice: Fen; unitPrice: Fen; discountBp: BasisPoints }): BasisPoints {
  if (line.listPrice <= 0) return 0;
  const paid = BigInt(line.unitPrice) * BigInt(10_000 - line.discountBp);
  const list = BigInt(line.listPrice) * 10_000n;
  return Math.max(0, roundHalfUp((list - paid) * 10_000n, list));
}

/**
 * The share of a line's amount for `part` of its quantity, such that the shares of parts taken one
 * after another (returns of 2, then 3, then the rest) add up to the line's amount exactly: each is
 * the rounded share up to and including it less the rounded share before it.
 */
export function shareOf(amount: Fen, before: number, part: number, whole: number): Fen {
  if (whole <= 0 || part < 0 || before < 0 || before + part > whole) throw new RangeError(`Cannot take ${part} after ${before} of ${whole}`);
  return roundHalfUp(BigInt(amount) * BigInt(before + part), BigInt(whole)) - roundHalfUp(BigInt(amount) * BigInt(before), BigInt(whole));
}

/** The returned part of a line's net, tax and gross (tax = gross − net, so the parts stay whole). */
export function returnedShare(line: TaxedAmount, alreadyReturned: number, quantity: number, lineQuantity: number): TaxedAmount {
  const gross = shareOf(line.gross, alreadyReturned, quantity, lineQuantity);
  const net = shareOf(line.net, alreadyReturned, quantity, lineQuantity);
  return { net, tax: gross - net, gross };
}
