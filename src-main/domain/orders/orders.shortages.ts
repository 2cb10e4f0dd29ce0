/**
 * Stock against a submitted order (缺货处理): what each stocked line can reserve in the order's
 * warehouse, and, for a line short of stock, the way out the user chose: ship what is there and
 * back-order the rest (先发有货部分), a substitute product for the shortfall (替代商品), or a later
 * promised date for the line (改约交期). Lines of one product share what is available.
 */
import { AppError, validationError, type FieldIssue } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { HandlerContext } from '../context';
import { counted } from '../core/english';
import { negativeStockAllowed, readLevel } from '../stock/stock.ledger';
import { raiseReplenishmentForShortage } from '../stock/stock.replenishment';
import { earliestIncomingDate } from '../purchasing/purchasing.orders';
import type { Sqlite } from '../../db/connection';
import { priceFor, productsByIds, substitutesFor, type ProductListRow } from '../catalog/catalog.service';
import type { ShortageInput } from './orders.contract';
import type { StockCheck } from './orders.dto';
import { ORDER_DOCUMENT_TYPE } from './orders.kind';
import type { OrderLineRecord, OrderRecord } from './orders.repository';
import * as repo from './orders.repository';
import { lineAmounts, priceOnBasis } from './orders.rules';

/** What is available per product in one warehouse, less what earlier lines of the order take. */
class Availability {
  private readonly taken = new Map<string, number>();
  private readonly unlimited: boolean;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly warehouseId: string,
  ) {
    this.unlimited = negativeStockAllowed(sqlite);
  }

  of(productId: string): number {
    if (this.unlimited) return Number.MAX_SAFE_INTEGER;
    return Math.max(0, readLevel(this.sqlite, productId, this.warehouseId).available - (this.taken.get(productId) ?? 0));
  }

  take(productId: string, quantity: number): void {
    this.taken.set(productId, (this.taken.get(productId) ?? 0) + quantity);
  }
}

export async function checkStock(ctx: Pick<HandlerContext, 'db' | 'sqlite'>, order: OrderRecord): Promise<StockCheck> {
  const { sqlite } = ctx;
  const lines = repo.linesOf(sqlite, order.id);
  const products = productsByIds(ctx.sqlite, lines.map((l) => l.product_id));
  const stock = new Availability(sqlite, order.warehouse_id);
  const result: StockCheck = { warehouseId: order.warehouse_id, lines: [], short: false };
  for (const line of lines) {
    const product = products.get(line.product_id)!;
    if (!product.isStocked) continue;
    const available = stock.of(product.id);
    const shortBy = Math.max(0, line.quantity - available);
    stock.take(product.id, line.quantity - shortBy);
    result.short ||= shortBy > 0;
    result.lines.push({
      lineId: line.id,
      lineNo: line.line_no,
      productId: product.id,
      productCode: product.code,
      productName: product.name,
      quantity: line.quantity,
      available: Math.min(available, Number.MAX_SAFE_INTEGER),
      shortBy,
      substitutes: shortBy > 0 ? (await substitutesFor(ctx.db, product.id)).map((s) => ({ productId: s.id, productCode: s.code, productName: s.name, available: stock.of(s.id) })) : [],
      suggestedDate: shortBy > 0 ? await earliestIncomingDate(ctx.db, product.id, order.warehouse_id) : null,
    });
  }
  return result;
}

export interface StockPlan {
  /** What to reserve, per order line (after any substitution), in the order's warehouse. */
  reservations: { lineId: string; productId: string; quantity: number; lineNo: number }[];
  /** Lines that were short before the choices were applied. */
  shortLines: number;
}

/**
 * Applies the shortage choices to the order's lines and says what to reserve. A short line
 * without a choice is INSUFFICIENT_STOCK (every such line reported at once).
 */
export async function planStock(ctx: HandlerContext, order: OrderRecord, lines: OrderLineRecord[], choices: readonly ShortageInput[]): Promise<StockPlan> {
  const { sqlite } = ctx;
  const products = productsByIds(ctx.sqlite, lines.map((l) => l.product_id));
  const stock = new Availability(sqlite, order.warehouse_id);
  const plan: StockPlan = { reservations: [], shortLines: 0 };
  const missing: FieldIssue[] = [];
  let nextLineNo = Math.max(0, ...lines.map((l) => l.line_no)) + 1;
  for (const line of lines) {
    const product = products.get(line.product_id)!;
    if (!product.isStocked) continue;
    const available = stock.of(product.id);
    if (line.quantity <= available) {
      stock.take(product.id, line.quantity);
      plan.reservations.push({ lineId: line.id, productId: product.id, quantity: line.quantity, lineNo: line.line_no });
      continue;
    }
    plan.shortLines += 1;
    const index = choices.findIndex((c) => c.lineId === line.id);
    const choice = choices[index];
    if (!choice) {
      missing.push(fieldIssue('shortages', 'stock_short', { lineNo: line.line_no, productCode: product.code, available, quantity: line.quantity }));
      continue;
    }
    const path = `shortages.${index}`;
    if (choice.choice === 'later_date') {
      if (choice.promisedDate! < order.order_date) throw validationError([fieldIssue(`${path}.promisedDate`, 'too_small', { min: order.order_date })]);
      repo.setLinePromisedDate(sqlite, line.id, choice.promisedDate!);
    }
    if (choice.choice === 'substitute') {
      const substitute = await substituteLine(ctx, { order, line, product, available, path, lineNo: nextLineNo, substituteId: choice.substituteProductId!, stock });
      if (substitute.newLine) nextLineNo += 1;
      plan.reservations.push(...substitute.reservations);
      continue;
    }
    if (available > 0) plan.reservations.push({ lineId: line.id, productId: product.id, quantity: available, lineNo: line.line_no });
    stock.take(product.id, available);
    raiseReplenishmentForShortage(sqlite, { productId: product.id, warehouseId: order.warehouse_id, available }, line.quantity - available, { type: ORDER_DOCUMENT_TYPE, id: order.id });
  }
  if (missing.length) throw new AppError('INSUFFICIENT_STOCK', `${counted(missing.length, 'line')} ${missing.length === 1 ? 'is' : 'are'} short of stock; choose back-order, a substitute or a later date for each`, missing);
  return plan;
}

interface SubstituteRequest {
  order: OrderRecord;
  line: OrderLineRecord;
  product: ProductListRow;
  available: number;
  path: string;
  lineNo: number;
  substituteId: string;
  stock: Availability;
}

/**
 * The shortfall goes to a listed substitute at the line's price and discount (the customer was
 * promised that price): the line keeps what is there and a new line, pointing at it, takes the
 * rest; when nothing is there the line itself becomes the substitute.
 */
async function substituteLine(ctx: HandlerContext, r: SubstituteRequest): Promise<{ newLine: boolean; reservations: StockPlan['reservations'] }> {
  const { sqlite } = ctx;
  const listedRef = (await substitutesFor(ctx.db, r.product.id)).find((s) => s.id === r.substituteId);
  const listed = listedRef && productsByIds(ctx.sqlite, [listedRef.id]).get(listedRef.id);
  if (!listed) throw validationError([fieldIssue(`${r.path}.substituteProductId`, 'not_allowed', { reason: 'not_a_substitute' })]);
  const shortfall = r.line.quantity - r.available;
  const substituteAvailable = r.stock.of(listed.id);
  if (substituteAvailable < shortfall) {
    throw new AppError('INSUFFICIENT_STOCK', `Only ${substituteAvailable} of substitute ${listed.code} are available; ${shortfall} needed`, [
      fieldIssue(`${r.path}.substituteProductId`, 'out_of_range', { min: shortfall, max: substituteAvailable }),
    ]);
  }
  const taxInclusive = r.order.tax_inclusive === 1;
  const price = await priceFor(ctx.db, { customerId: r.order.customer_id, productId: listed.id, quantity: shortfall, date: r.order.order_date });
  const listPrice = priceOnBasis(price.unitPrice, listed.vatRate, price, { taxInclusive });
  const substitute = (quantity: number) => ({
    productId: listed.id,
    quantity,
    unit: listed.unit,
    unitFactor: 1,
    listPrice,
    unitPrice: r.line.unit_price,
    vatRate: listed.vatRate,
    ...lineAmounts({ quantity, unitPrice: r.line.unit_price, discountBp: r.line.discount_bp, vatRate: listed.vatRate }, taxInclusive),
  });
  r.stock.take(listed.id, shortfall);
  if (r.available === 0) {
    repo.rewriteLine(sqlite, r.line.id, substitute(shortfall));
    return { newLine: false, reservations: [{ lineId: r.line.id, productId: listed.id, quantity: shortfall, lineNo: r.line.line_no }] };
  }
  r.stock.take(r.product.id, r.available);
  const kept = { quantity: r.available, unitPrice: r.line.unit_price, discountBp: r.line.discount_bp, vatRate: r.line.vat_rate };
  repo.rewriteLine(sqlite, r.line.id, {
    productId: r.product.id,
    quantity: r.available,
    unit: r.product.unit,
    unitFactor: 1,
    listPrice: r.line.list_price,
    unitPrice: r.line.unit_price,
    vatRate: r.line.vat_rate,
    ...lineAmounts(kept, taxInclusive),
  });
  const line = substitute(shortfall);
  const id = repo.insertLine(sqlite, r.order.id, {
    ...line,
    lineNo: r.lineNo,
    description: r.line.description,
    priceOverridden: line.unitPrice !== line.listPrice,
    discountBp: r.line.discount_bp,
    promisedDate: r.line.promised_date,
    substitutesLineId: r.line.id,
  });
  return {
    newLine: true,
    reservations: [
      { lineId: r.line.id, productId: r.product.id, quantity: r.available, lineNo: r.line.line_no },
      { lineId: id, productId: listed.id, quantity: shortfall, lineNo: r.lineNo },
    ],
  };
}
