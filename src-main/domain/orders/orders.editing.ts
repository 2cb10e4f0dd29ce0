/** Drafts: creating and changing an order before it is submitted (only a draft's content changes). */
import type { z } from 'zod';
import { validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { changedFields, type HandlerContext } from '../context';
import { businessDateIn } from '../core/dates';
import { assertEditable } from '../core/document';
import { newId, nowIso } from '../shared/ids';
import type { orderCreateInput, orderUpdateInput } from './orders.contract';
import type { Order } from './orders.dto';
import { ORDER_KIND } from './orders.kind';
import { keptPriceKey, priceLines, type PricedLine, type SalesLineInput } from './orders.lines';
import { getOrder } from './orders.read';
import * as repo from './orders.repository';
import { activeWarehouse } from '../stock/stock.documents';
import { defaultWarehouseId } from '../stock/stock.warehouses';

type CreateInput = z.output<typeof orderCreateInput>;
type UpdateInput = z.output<typeof orderUpdateInput>;
type LineInput = CreateInput['lines'][number];

/** The company's business date and currency, read once per call. */
export function companyFacts(sqlite: Sqlite): { today: string; currency: string } {
  const company = statement(sqlite, 'SELECT time_zone, currency FROM company WHERE id = 1').get() as { time_zone: string; currency: string } | undefined;
  return { today: businessDateIn(company?.time_zone ?? 'Asia/Shanghai'), currency: company?.currency ?? 'CNY' };
}

/** An order may be taken for an active customer that was not merged into another. */
export function orderCustomer(sqlite: Sqlite, customerId: string, path = 'customerId'): repo.OrderCustomer {
  const customer = repo.findCustomer(sqlite, customerId);
  if (!customer) throw validationError([fieldIssue(path, 'not_found', { entity: 'customer' })]);
  if (customer.merged_into_id) throw validationError([fieldIssue(path, 'merged_away')]);
  if (customer.status !== 'active') throw validationError([fieldIssue(path, 'not_allowed', { reason: 'customer_inactive' })]);
  return customer;
}

export function orderWarehouse(sqlite: Sqlite, warehouseId: string | undefined): string {
  if (warehouseId) return activeWarehouse(sqlite, warehouseId, 'warehouseId').id;
  const fallback = defaultWarehouseId(sqlite);
  if (!fallback) throw validationError([fieldIssue('warehouseId', 'required')]);
  return fallback;
}

function checkOwner(sqlite: Sqlite, ownerUserId: string | null | undefined): void {
  if (ownerUserId && !repo.userExists(sqlite, ownerUserId)) throw validationError([fieldIssue('ownerUserId', 'not_found', { entity: 'user' })]);
}

function writeLines(sqlite: Sqlite, orderId: string, priced: PricedLine[], inputs: readonly { promisedDate?: string | null | undefined }[]): void {
  for (const line of priced) {
    repo.insertLine(sqlite, orderId, { ...line, productId: line.product.id, promisedDate: inputs[line.lineNo - 1]?.promisedDate ?? null });
  }
}

/** What the audit log keeps of an order: its header and its lines in short. */
function auditView(order: Order): Record<string, unknown> {
  return {
    customerId: order.customerId,
    status: order.status,
    orderDate: order.orderDate,
    promisedDate: order.promisedDate,
    warehouseId: order.warehouseId,
    taxInclusive: order.taxInclusive,
    totalGross: order.totalGross,
    ownerUserId: order.ownerUserId,
    notes: order.notes,
    lines: order.lines.map((l) => `${l.productCode}×${l.quantity}@${l.unitPrice}-${l.discountBp}bp`),
  };
}

export async function createOrder(ctx: HandlerContext, input: CreateInput, options: { quoteId?: string; pricesAgreed?: boolean } = {}): Promise<Order> {
  const { sqlite } = ctx;
  const customer = orderCustomer(sqlite, input.customerId);
  const warehouseId = orderWarehouse(sqlite, input.warehouseId);
  checkOwner(sqlite, input.ownerUserId);
  const { today, currency } = companyFacts(sqlite);
  const orderDate = input.orderDate ?? today;
  const taxInclusive = input.taxInclusive ?? true;
  const { lines, totals } = await priceLines(ctx, input.lines, { customerId: customer.id, date: orderDate, taxInclusive, path: 'lines', pricesAgreed: options.pricesAgreed ?? false });
  const now = nowIso();
  const id = newId();
  repo.insertOrder(sqlite, {
    id,
    order_no: null,
    customer_id: customer.id,
    quote_id: options.quoteId ?? null,
    status: 'draft',
    order_date: orderDate,
    promised_date: input.promisedDate ?? null,
    warehouse_id: warehouseId,
    price_list_id: lines.find((l) => l.priceListId)?.priceListId ?? null,
    tax_inclusive: taxInclusive ? 1 : 0,
    currency,
    total_net: totals.net,
    total_tax: totals.tax,
    total_gross: totals.gross,
    credit_check: null,
    decided_by_rule: null,
    shipping_address: input.shippingAddress ?? null,
    owner_user_id: input.ownerUserId === undefined ? (ctx.user?.id ?? null) : input.ownerUserId,
    notes: input.notes ?? null,
    created_by: ctx.user?.id ?? null,
    created_at: now,
    updated_at: now,
    confirmed_at: null,
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason: null,
  });
  writeLines(sqlite, id, lines, input.lines);
  repo.insertEvent(sqlite, { orderId: id, from: null, to: 'draft', comment: null, userId: ctx.user?.id ?? null, at: now });
  const order = getOrder(ctx.sqlite, id);
  ctx.audit({ entityType: 'salesOrder', entityId: id, fields: changedFields(null, auditView(order)) });
  return order;
}

/** The stored lines as input again, so a new customer, date or tax basis re-prices them (typed prices stay). */
function linesAsInput(order: Order): LineInput[] {
  return order.lines.map((l) => ({
    productId: l.productId,
    quantity: l.quantity / l.unitFactor,
    unit: l.unit,
    ...(l.priceOverridden ? { unitPrice: l.unitPrice } : {}),
    discountBp: l.discountBp,
    description: l.description,
    promisedDate: l.promisedDate,
  }));
}

export async function updateOrder(ctx: HandlerContext, input: UpdateInput): Promise<Order> {
  const { sqlite } = ctx;
  const before = getOrder(ctx.sqlite, input.id);
  assertEditable(ORDER_KIND, { id: before.id, number: before.orderNo, status: before.status });
  const customerId = input.customerId ?? before.customerId;
  if (input.customerId) orderCustomer(sqlite, input.customerId);
  const warehouseId = input.warehouseId ? orderWarehouse(sqlite, input.warehouseId) : before.warehouseId;
  checkOwner(sqlite, input.ownerUserId);
  const orderDate = input.orderDate ?? before.orderDate;
  const taxInclusive = input.taxInclusive ?? before.taxInclusive;
  const repricing = input.lines !== undefined || customerId !== before.customerId || orderDate !== before.orderDate || taxInclusive !== before.taxInclusive;
  const row = repo.findOrder(sqlite, input.id)!;
  const now = nowIso();
  const next: repo.OrderRecord = {
    ...row,
    customer_id: customerId,
    order_date: orderDate,
    promised_date: input.promisedDate === undefined ? row.promised_date : input.promisedDate,
    warehouse_id: warehouseId,
    tax_inclusive: taxInclusive ? 1 : 0,
    shipping_address: input.shippingAddress === undefined ? row.shipping_address : input.shippingAddress,
    owner_user_id: input.ownerUserId === undefined ? row.owner_user_id : input.ownerUserId,
    notes: input.notes === undefined ? row.notes : input.notes,
    updated_at: now,
  };
  if (repricing) {
    const lineInputs: readonly SalesLineInput[] & readonly LineInput[] = input.lines ?? linesAsInput(before);
    // The draft's own prices (agreed on its quote, or typed by someone allowed to) stay without the permission.
    const keptPrices = new Set(before.lines.filter((l) => l.priceOverridden).map((l) => keptPriceKey(l.productId, l.unit, l.unitPrice)));
    const { lines, totals } = await priceLines(ctx, lineInputs, { customerId, date: orderDate, taxInclusive, path: 'lines', keptPrices });
    repo.deleteLines(sqlite, input.id);
    writeLines(sqlite, input.id, lines, lineInputs);
    Object.assign(next, { total_net: totals.net, total_tax: totals.tax, total_gross: totals.gross, price_list_id: lines.find((l) => l.priceListId)?.priceListId ?? null });
  }
  repo.updateDraftHeader(sqlite, next);
  const after = getOrder(ctx.sqlite, input.id);
  ctx.audit({ entityType: 'salesOrder', entityId: input.id, fields: changedFields(auditView(before), auditView(after)) });
  return after;
}
