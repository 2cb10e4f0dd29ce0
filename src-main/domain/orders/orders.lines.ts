/**
 * Sales lines as entered → priced lines as stored, for quotes and orders alike: the product and
 * its unit, the price the customer's price list gives (on the document's side of tax), a typed
 * price only with sales.overridePrice, the discount, and the rounded net, tax and gross.
 */
import type { z } from 'zod';
import { AppError, validationError, type FieldIssue } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { HandlerContext } from '../context';
import { sumTaxLines, type TaxedAmount } from '../core/money';
import { priceFor, productsByIds, scannedProduct, toBaseQuantity, type ProductListRow } from '../catalog/catalog.service';
import type { salesLineInput } from './orders.contract';
import type { ProductForOrder } from './orders.dto';
import { lineAmounts, priceOnBasis } from './orders.rules';

export type SalesLineInput = z.output<typeof salesLineInput>;

export interface PricedLine extends TaxedAmount {
  lineNo: number;
  product: ProductListRow;
  description: string | null;
  /** Base units. */
  quantity: number;
  unit: string;
  unitFactor: number;
  listPrice: number;
  unitPrice: number;
  priceOverridden: boolean;
  discountBp: number;
  vatRate: number;
  priceListId: string | null;
}

export interface PricingContext {
  customerId: string;
  date: string;
  taxInclusive: boolean;
  /** Where the lines sit in the caller's input, for issues (`lines`). */
  path: string;
  /** Prices agreed earlier (a quote being converted) stand without sales.overridePrice. */
  pricesAgreed?: boolean;
  /**
   * Prices the document already carries, as `keptPriceKey`s (a draft converted from a quote, or
   * priced by someone allowed to): a line sending one back unchanged needs no permission.
   */
  keptPrices?: ReadonlySet<string>;
}

/** A product at a price per unit of sale: how a kept price is recognised. */
export function keptPriceKey(productId: string, unit: string, unitPrice: number): string {
  return `${productId}|${unit}|${unitPrice}`;
}

/**
 * Prices every line; all problems are reported together, each at its line's path. A price typed
 * over the list price needs sales.overridePrice (FORBIDDEN otherwise, naming the field).
 */
export async function priceLines(ctx: HandlerContext, input: readonly SalesLineInput[], pricing: PricingContext): Promise<{ lines: PricedLine[]; totals: TaxedAmount }> {
  const products = productsByIds(ctx.sqlite, input.map((l) => l.productId));
  const issues: FieldIssue[] = [];
  const lines: PricedLine[] = [];
  for (const [i, line] of input.entries()) {
    const at = `${pricing.path}.${i}`;
    const product = products.get(line.productId);
    if (!product) {
      issues.push(fieldIssue(`${at}.productId`, 'not_found', { entity: 'product' }));
      continue;
    }
    if (product.status !== 'active') {
      issues.push(fieldIssue(`${at}.productId`, 'not_allowed', { reason: 'product_archived' }));
      continue;
    }
    let quantity: number;
    try {
      quantity = toBaseQuantity(product, line.quantity, line.unit ?? product.unit, at);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      issues.push(...(error.issues ?? []));
      continue;
    }
    const factor = quantity / line.quantity;
    const price = await priceFor(ctx.db, { customerId: pricing.customerId, productId: product.id, quantity, date: pricing.date });
    const listPrice = priceOnBasis(price.unitPrice, product.vatRate, price, { taxInclusive: pricing.taxInclusive });
    const unitPrice = line.unitPrice ?? listPrice;
    lines.push({
      lineNo: i + 1,
      product,
      description: line.description ?? null,
      quantity,
      unit: line.unit ?? product.unit,
      unitFactor: factor,
      listPrice,
      unitPrice,
      priceOverridden: unitPrice !== listPrice,
      discountBp: line.discountBp,
      vatRate: product.vatRate,
      priceListId: price.priceListId,
      ...lineAmounts({ quantity, unitPrice, discountBp: line.discountBp, vatRate: product.vatRate }, pricing.taxInclusive),
    });
  }
  if (issues.length) throw validationError(issues);
  const overridden = lines.filter((l) => l.priceOverridden && !pricing.keptPrices?.has(keptPriceKey(l.product.id, l.unit, l.unitPrice)));
  if (overridden.length && !pricing.pricesAgreed && !ctx.can('sales.overridePrice')) {
    throw new AppError(
      'FORBIDDEN',
      'Changing the price list’s price needs the sales.overridePrice permission',
      overridden.map((l) => fieldIssue(`${pricing.path}.${l.lineNo - 1}.unitPrice`, 'not_allowed', { reason: 'price_override' })),
    );
  }
  return { lines, totals: sumTaxLines(lines) };
}

/** A scan or typed code on the order form, with the price the customer's list gives (含税). */
export async function lookupProduct(ctx: Pick<HandlerContext, 'db' | 'sqlite'>, input: { code: string; customerId?: string | undefined }, today: string): Promise<ProductForOrder | null> {
  const product = await scannedProduct(ctx.db, input.code);
  if (!product) return null;
  const price = await priceFor(ctx.db, { customerId: input.customerId ?? null, productId: product.id, quantity: 1, date: today });
  const unitPrice = priceOnBasis(price.unitPrice, product.vatRate, price, { taxInclusive: true });
  return { productId: product.id, code: product.code, name: product.name, spec: product.spec, unit: product.unit, unitPrice, vatRate: product.vatRate };
}
