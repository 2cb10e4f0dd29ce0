/**
 * 报价单: priced like an order (the customer's price list, discounts, 含税 or not), valid until a
 * date, sent, accepted or rejected, and converted into a draft order at the quoted prices, the
 * two linked both ways. A quote past its date that nobody answered is marked expired each day.
 */
import type { z } from 'zod';
import { AppError, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { changedFields, type HandlerContext } from '../context';
import { addDays } from '../core/dates';
import { assertEditable, assertTransition, documentKind } from '../core/document';
import { nextNumber, type SeriesDefinition } from '../core/numbering';
import type { Order } from '../orders/orders.dto';
import { companyFacts, createOrder, orderCustomer } from '../orders/orders.editing';
import { keptPriceKey, priceLines, type PricedLine } from '../orders/orders.lines';
import { newId, nowIso } from '../shared/ids';
import type { Quote, quoteCreateInput, quoteUpdateInput } from './quotes.contract';
import type { QuoteStatus } from './quotes.dto';
import { getQuote } from './quotes.read';
import type { QuotesTable } from './quotes.tables';

/** BJ-2026-000123 (报价), issued when the quote is made: it goes to the customer as it is. */
export const QUOTE_SERIES: SeriesDefinition = { code: 'quote', prefix: 'BJ', perYear: true, padding: 6 };
const VALID_DAYS = 30;

const QUOTE_KIND = documentKind<QuoteStatus>({
  kind: 'quote',
  table: 'quotes',
  series: QUOTE_SERIES,
  transitions: {
    draft: ['sent', 'converted', 'expired'],
    sent: ['accepted', 'rejected', 'converted', 'expired', 'draft'],
    accepted: ['converted'],
    rejected: [],
    expired: [],
    converted: [],
  },
  frozenIn: ['sent', 'accepted', 'rejected', 'expired', 'converted'],
  numberedIn: 'draft',
});

function quoteOrFail(sqlite: Sqlite, id: string): QuotesTable {
  const row = statement(sqlite, 'SELECT * FROM quotes WHERE id = ?').get(id) as QuotesTable | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Quote ${id} does not exist`, [fieldIssue('id', 'not_found', { entity: 'quote', id })]);
  return row;
}

function checkValidity(quoteDate: string, validUntil: string): void {
  if (validUntil < quoteDate) throw validationError([fieldIssue('validUntil', 'too_small', { min: quoteDate })]);
}

function writeLines(sqlite: Sqlite, quoteId: string, lines: PricedLine[]): void {
  statement(sqlite, 'DELETE FROM quote_lines WHERE quote_id = ?').run(quoteId);
  const insert = statement(
    sqlite,
    `INSERT INTO quote_lines (id, quote_id, line_no, product_id, description, quantity, unit, unit_factor, unit_price, discount_bp, vat_rate, net, tax, gross)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of lines) {
    insert.run(newId(), quoteId, l.lineNo, l.product.id, l.description, l.quantity, l.unit, l.unitFactor, l.unitPrice, l.discountBp, l.vatRate, l.net, l.tax, l.gross);
  }
}

const auditView = (q: Quote) => ({
  customerId: q.customerId,
  status: q.status,
  validUntil: q.validUntil,
  totalGross: q.totalGross,
  lines: q.lines.map((l) => `${l.productCode}×${l.quantity}@${l.unitPrice}-${l.discountBp}bp`),
});

export async function createQuote(ctx: HandlerContext, input: z.output<typeof quoteCreateInput>): Promise<Quote> {
  const { sqlite } = ctx;
  const customer = orderCustomer(sqlite, input.customerId);
  const { today, currency } = companyFacts(sqlite);
  const quoteDate = input.quoteDate ?? today;
  const validUntil = input.validUntil ?? addDays(quoteDate, VALID_DAYS);
  checkValidity(quoteDate, validUntil);
  const taxInclusive = input.taxInclusive ?? true;
  const { lines, totals } = await priceLines(ctx, input.lines, { customerId: customer.id, date: quoteDate, taxInclusive, path: 'lines' });
  const id = newId();
  const now = nowIso();
  statement(
    sqlite,
    `INSERT INTO quotes (id, quote_no, customer_id, status, quote_date, valid_until, price_list_id, tax_inclusive, currency, total_net, total_tax, total_gross,
       owner_user_id, notes, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    nextNumber(sqlite, QUOTE_SERIES, quoteDate),
    customer.id,
    quoteDate,
    validUntil,
    lines.find((l) => l.priceListId)?.priceListId ?? null,
    taxInclusive ? 1 : 0,
    currency,
    totals.net,
    totals.tax,
    totals.gross,
    ctx.user?.id ?? null,
    input.notes ?? null,
    ctx.user?.id ?? null,
    now,
    now,
  );
  writeLines(sqlite, id, lines);
  const quote = getQuote(sqlite, id);
  ctx.audit({ entityType: 'quote', entityId: id, fields: changedFields(null, auditView(quote)) });
  return quote;
}

export async function updateQuote(ctx: HandlerContext, input: z.output<typeof quoteUpdateInput>): Promise<Quote> {
  const { sqlite } = ctx;
  const row = quoteOrFail(sqlite, input.id);
  assertEditable(QUOTE_KIND, { id: row.id, number: row.quote_no, status: row.status });
  const before = getQuote(sqlite, row.id);
  const customerId = input.customerId ? orderCustomer(sqlite, input.customerId).id : row.customer_id;
  const quoteDate = input.quoteDate ?? row.quote_date;
  const validUntil = input.validUntil ?? row.valid_until;
  checkValidity(quoteDate, validUntil);
  const taxInclusive = input.taxInclusive ?? row.tax_inclusive === 1;
  const lineInputs =
    input.lines ??
    before.lines.map((l) => ({ productId: l.productId, quantity: l.quantity / l.unitFactor, unit: l.unit, unitPrice: l.unitPrice, discountBp: l.discountBp, description: l.description }));
  // Every price on the draft is what the customer was offered (the list's when it was priced, or typed by
  // someone allowed to): sent back unchanged it stands, though the list has moved; a newly typed one needs the permission.
  const keptPrices = new Set(before.lines.map((l) => keptPriceKey(l.productId, l.unit, l.unitPrice)));
  const { lines, totals } = await priceLines(ctx, lineInputs, { customerId, date: quoteDate, taxInclusive, path: 'lines', keptPrices });
  statement(
    sqlite,
    `UPDATE quotes SET customer_id = ?, quote_date = ?, valid_until = ?, tax_inclusive = ?, total_net = ?, total_tax = ?, total_gross = ?, notes = ?, updated_at = ? WHERE id = ?`,
  ).run(customerId, quoteDate, validUntil, taxInclusive ? 1 : 0, totals.net, totals.tax, totals.gross, input.notes === undefined ? row.notes : input.notes, nowIso(), row.id);
  writeLines(sqlite, row.id, lines);
  const quote = getQuote(sqlite, row.id);
  ctx.audit({ entityType: 'quote', entityId: row.id, fields: changedFields(auditView(before), auditView(quote)) });
  return quote;
}

export function moveQuote(ctx: HandlerContext, id: string, to: Extract<QuoteStatus, 'sent' | 'accepted' | 'rejected'>): Quote {
  const row = quoteOrFail(ctx.sqlite, id);
  assertTransition(QUOTE_KIND, row.status, to);
  statement(ctx.sqlite, 'UPDATE quotes SET status = ?, updated_at = ? WHERE id = ?').run(to, nowIso(), id);
  ctx.audit({ entityType: 'quote', entityId: id, fields: { status: { before: row.status, after: to } } });
  return getQuote(ctx.sqlite, id);
}

export async function convertQuote(ctx: HandlerContext, id: string): Promise<Order> {
  const { sqlite } = ctx;
  const row = quoteOrFail(sqlite, id);
  assertTransition(QUOTE_KIND, row.status, 'converted');
  const { today } = companyFacts(sqlite);
  if (row.valid_until < today) {
    throw new AppError('CONFLICT', `Quote ${row.quote_no} was valid until ${row.valid_until}`, [fieldIssue('id', 'quote_expired', { validUntil: row.valid_until })]);
  }
  const quote = getQuote(sqlite, id);
  const order = await createOrder(
    ctx,
    {
      customerId: quote.customerId,
      taxInclusive: quote.taxInclusive,
      notes: quote.notes,
      lines: quote.lines.map((l) => ({ productId: l.productId, quantity: l.quantity / l.unitFactor, unit: l.unit, unitPrice: l.unitPrice, discountBp: l.discountBp, description: l.description })),
    },
    { quoteId: id, pricesAgreed: true },
  );
  statement(sqlite, "UPDATE quotes SET status = 'converted', sales_order_id = ?, updated_at = ? WHERE id = ?").run(order.id, nowIso(), id);
  ctx.audit({ entityType: 'quote', entityId: id, fields: { status: { before: row.status, after: 'converted' }, salesOrderId: { before: null, after: order.id } } });
  return order;
}

export function markExpiredQuotes(ctx: HandlerContext, asOf: string | undefined): { expired: number; asOf: string } {
  const date = asOf ?? companyFacts(ctx.sqlite).today;
  const ids = statement(ctx.sqlite, "SELECT id FROM quotes WHERE status IN ('draft', 'sent') AND valid_until < ?").pluck().all(date) as string[];
  const expire = statement(ctx.sqlite, "UPDATE quotes SET status = 'expired', updated_at = ? WHERE id = ?");
  const now = nowIso();
  for (const id of ids) expire.run(now, id);
  if (ids.length) ctx.audit({ entityType: 'quote', entityId: 'expired', fields: { expired: { before: null, after: ids.length }, asOf: { before: null, after: date } } });
  return { expired: ids.length, asOf: date };
}
