/**
 * Where an invoice's lines come from: posted deliveries (several into one invoice), an order (one
 * order into several invoices), services, a return's credit-note request, or a price correction.
 * A delivery line or order line is never invoiced beyond its quantity (reversed invoices free it).
 */
import { AppError, validationError } from '../../api/errors';
import { fieldIssue, type FieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { applyBasisPoints, formatFen, taxLine } from '../core/money';
import type { HandlerContext } from '../context';
import { allocateFrom, creditNoteSource } from './allocation.service';
import { postInvoice, type InvoiceHeaderInput, type LineDraft, type ServiceLine } from './invoices.service';
import type { Invoice } from './receivables.dto';
import { findInvoice, invoiceRow } from './receivables.repository';

export interface OrderLineFacts {
  sales_order_line_id: string;
  sales_order_id: string;
  customer_id: string;
  order_status: string;
  tax_inclusive: 0 | 1;
  product_id: string;
  product_name: string;
  unit: string;
  ordered: number;
  unit_price: number;
  discount_bp: number;
  vat_rate: number;
}

export const ORDER_LINE_FACTS = `SELECT ol.id AS sales_order_line_id, o.id AS sales_order_id, o.customer_id, o.status AS order_status, o.tax_inclusive,
    ol.product_id, coalesce(ol.description, p.name) AS product_name, p.unit, ol.quantity AS ordered, ol.unit_price, ol.discount_bp, ol.vat_rate
  FROM sales_order_lines ol JOIN sales_orders o ON o.id = ol.sales_order_id JOIN products p ON p.id = ol.product_id`;

export const INVOICED_OF_ORDER_LINE = `SELECT coalesce(sum(il.quantity), 0) FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
  WHERE il.sales_order_line_id = ? AND i.kind = 'invoice' AND i.status = 'posted'`;
const INVOICED_OF_DELIVERY_LINE = `SELECT coalesce(sum(il.quantity), 0) FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
  WHERE il.delivery_line_id = ? AND i.kind = 'invoice' AND i.status = 'posted'`;

/** An order line's price for a quantity: the order's discount and VAT, rounded per line. */
export function orderLineDraft(facts: OrderLineFacts, quantity: number, deliveryLineId: string | null): LineDraft {
  const discount = applyBasisPoints(quantity * facts.unit_price, facts.discount_bp);
  const taxed = taxLine({ quantity, unitPrice: facts.unit_price, discount, taxRate: facts.vat_rate, pricesIncludeTax: facts.tax_inclusive === 1 });
  return {
    deliveryLineId,
    salesOrderLineId: facts.sales_order_line_id,
    productId: facts.product_id,
    description: facts.product_name,
    quantity,
    unit: facts.unit,
    unitPrice: facts.unit_price,
    discount,
    vatRate: facts.vat_rate,
    ...taxed,
  };
}

function uninvoicedOfOrderLine(sqlite: Sqlite, facts: OrderLineFacts, alreadyDrafted: Map<string, number>): number {
  const invoiced = statement(sqlite, INVOICED_OF_ORDER_LINE).pluck().get(facts.sales_order_line_id) as number;
  return facts.ordered - invoiced - (alreadyDrafted.get(facts.sales_order_line_id) ?? 0);
}

/**
 * A delivery's lines as they would go on an invoice: each delivered quantity not invoiced yet, never
 * beyond what its order line has left (`drafted` carries what earlier deliveries of the same invoice took).
 */
export function draftDeliveryLines(sqlite: Sqlite, deliveryId: string, drafted: Map<string, number>): { draft: LineDraft; taxInclusive: 0 | 1 }[] {
  const deliveryLines = statement(sqlite, 'SELECT id, sales_order_line_id, quantity FROM delivery_lines WHERE delivery_id = ? ORDER BY rowid').all(deliveryId) as {
    id: string;
    sales_order_line_id: string;
    quantity: number;
  }[];
  const drafts: { draft: LineDraft; taxInclusive: 0 | 1 }[] = [];
  for (const dl of deliveryLines) {
    const facts = statement(sqlite, `${ORDER_LINE_FACTS} WHERE ol.id = ?`).get(dl.sales_order_line_id) as OrderLineFacts;
    const left = dl.quantity - (statement(sqlite, INVOICED_OF_DELIVERY_LINE).pluck().get(dl.id) as number);
    const quantity = Math.min(left, uninvoicedOfOrderLine(sqlite, facts, drafted));
    if (quantity <= 0) continue;
    drafted.set(facts.sales_order_line_id, (drafted.get(facts.sales_order_line_id) ?? 0) + quantity);
    drafts.push({ draft: orderLineDraft(facts, quantity, dl.id), taxInclusive: facts.tax_inclusive });
  }
  return drafts;
}

/** One customer's posted deliveries into one invoice: every delivered quantity not invoiced yet. */
export async function invoiceDeliveries(ctx: HandlerContext, input: { deliveryIds: string[] } & InvoiceHeaderInput): Promise<Invoice> {
  const sqlite = ctx.sqlite;
  const issues: FieldIssue[] = [];
  const customers = new Set<string>();
  const lines: LineDraft[] = [];
  const drafted = new Map<string, number>();
  const inclusive = new Set<number>();
  const seen = new Set<string>();
  input.deliveryIds.forEach((deliveryId, i) => {
    const path = `deliveryIds.${i}`;
    if (seen.has(deliveryId)) return issues.push(fieldIssue(path, 'listed_twice'));
    seen.add(deliveryId);
    const delivery = statement(sqlite, 'SELECT id, delivery_no, customer_id, status FROM deliveries WHERE id = ?').get(deliveryId) as
      | { id: string; delivery_no: string; customer_id: string; status: string }
      | undefined;
    if (!delivery) return issues.push(fieldIssue(path, 'not_found', { entity: 'delivery', id: deliveryId }));
    if (delivery.status !== 'posted') return issues.push(fieldIssue(path, 'document_not_posted', { number: delivery.delivery_no, status: delivery.status }));
    customers.add(delivery.customer_id);
    if (customers.size > 1) return issues.push(fieldIssue(path, 'different_customer', { number: delivery.delivery_no }));
    for (const { draft, taxInclusive } of draftDeliveryLines(sqlite, deliveryId, drafted)) {
      inclusive.add(taxInclusive);
      lines.push(draft);
    }
  });
  if (issues.length) throw validationError(issues);
  if (lines.length === 0) throw new AppError('CONFLICT', 'These deliveries are invoiced already', [fieldIssue('deliveryIds', 'nothing_to_invoice')]);
  const [customerId] = [...customers];
  return postInvoice(ctx, { kind: 'invoice', source: 'deliveries', customerId: customerId!, header: input, taxInclusive: !inclusive.has(0), lines });
}

/** An order, whole or in part: one order can be invoiced in several invoices, never beyond its quantities. */
export async function invoiceOrder(
  ctx: HandlerContext,
  input: { salesOrderId: string; lines?: { salesOrderLineId: string; quantity: number }[] } & InvoiceHeaderInput,
): Promise<Invoice> {
  const sqlite = ctx.sqlite;
  const order = statement(sqlite, 'SELECT id, order_no, customer_id, status, tax_inclusive FROM sales_orders WHERE id = ?').get(input.salesOrderId) as
    | { id: string; order_no: string | null; customer_id: string; status: string; tax_inclusive: 0 | 1 }
    | undefined;
  if (!order) throw new AppError('NOT_FOUND', `Sales order ${input.salesOrderId} does not exist`, [fieldIssue('salesOrderId', 'not_found', { entity: 'salesOrder', id: input.salesOrderId })]);
  if (['draft', 'pending_approval', 'cancelled'].includes(order.status)) {
    throw new AppError('CONFLICT', `Order ${order.order_no ?? order.id} is ${order.status} and cannot be invoiced`, [
      fieldIssue('salesOrderId', 'document_not_posted', { number: order.order_no ?? '', status: order.status }),
    ]);
  }
  const all = statement(sqlite, `${ORDER_LINE_FACTS} WHERE ol.sales_order_id = ? ORDER BY ol.line_no`).all(order.id) as OrderLineFacts[];
  const drafted = new Map<string, number>();
  const lines: LineDraft[] = [];
  const issues: FieldIssue[] = [];
  const wanted = input.lines ?? all.map((f) => ({ salesOrderLineId: f.sales_order_line_id, quantity: null as number | null }));
  wanted.forEach((want, i) => {
    const facts = all.find((f) => f.sales_order_line_id === want.salesOrderLineId);
    if (!facts) return issues.push(fieldIssue(`lines.${i}.salesOrderLineId`, 'not_found', { entity: 'salesOrderLine', id: want.salesOrderLineId }));
    const left = uninvoicedOfOrderLine(sqlite, facts, drafted);
    const quantity = want.quantity ?? left;
    if (want.quantity !== null && quantity > left) return issues.push(fieldIssue(`lines.${i}.quantity`, 'more_than_open', { open: Math.max(left, 0) }));
    if (quantity <= 0) return;
    drafted.set(facts.sales_order_line_id, (drafted.get(facts.sales_order_line_id) ?? 0) + quantity);
    lines.push(orderLineDraft(facts, quantity, null));
  });
  if (issues.length) throw validationError(issues);
  if (lines.length === 0) throw new AppError('CONFLICT', `Order ${order.order_no ?? order.id} is invoiced in full`, [fieldIssue('salesOrderId', 'nothing_to_invoice')]);
  return postInvoice(ctx, { kind: 'invoice', source: 'order', customerId: order.customer_id, header: input, taxInclusive: order.tax_inclusive === 1, salesOrderId: order.id, lines });
}

/** A service line priced: taxed and rounded on its own. */
export function serviceLineDraft(line: ServiceLine, pricesIncludeTax: boolean): LineDraft {
  return { ...line, ...taxLine({ ...line, taxRate: line.vatRate, pricesIncludeTax }) };
}

/** Services (installation, repair, consulting) invoiced without a delivery. */
export function invoiceServices(ctx: HandlerContext, input: { customerId: string; pricesIncludeTax: boolean; lines: ServiceLine[] } & InvoiceHeaderInput): Promise<Invoice> {
  const issues: FieldIssue[] = [];
  const lines = input.lines.map((line, i): LineDraft => {
    if (line.discount > line.quantity * line.unitPrice) issues.push(fieldIssue(`lines.${i}.discount`, 'too_big', { max: line.quantity * line.unitPrice }));
    return issues.length ? { ...line, net: 0, tax: 0, gross: 0 } : serviceLineDraft(line, input.pricesIncludeTax);
  });
  if (issues.length) throw validationError(issues);
  return postInvoice(ctx, { kind: 'invoice', source: 'service', customerId: input.customerId, header: input, taxInclusive: input.pricesIncludeTax, lines });
}

/** Applies a new credit note to the invoice it corrects, as far as that invoice is still open. */
function applyToCorrectedInvoice(ctx: HandlerContext, creditNote: Invoice, invoiceId: string): Invoice {
  const open = invoiceRow(ctx.sqlite, invoiceId).open_amount;
  const amount = Math.min(open, creditNote.totalGross);
  if (amount > 0) allocateFrom(ctx, creditNoteSource(ctx.sqlite, creditNote.id), [{ invoiceId, amount }], creditNote.invoiceDate);
  return findInvoice(ctx.sqlite, creditNote.id);
}

/**
 * Credit notes already posted against an invoice, as SQL on `i` (an invoices row). A credit note is
 * always the corrected invoice's customer's; saying so lets SQLite use invoices_customer.
 */
export const CREDITED_AGAINST = `(SELECT coalesce(sum(cn.total_gross), 0) FROM invoices cn
  WHERE cn.customer_id = i.customer_id AND cn.corrects_invoice_id = i.id AND cn.kind = 'credit_note' AND cn.status = 'posted')`;

/** What may still be credited against an invoice: its amount less the credit notes already against it. */
export function creditableRoom(sqlite: Sqlite, invoiceId: string): number {
  return statement(sqlite, `SELECT i.total_gross - ${CREDITED_AGAINST} FROM invoices i WHERE i.id = ?`).pluck().get(invoiceId) as number;
}

function correctedInvoice(ctx: HandlerContext, invoiceId: string, customerId: string | null) {
  const row = invoiceRow(ctx.sqlite, invoiceId, 'correctsInvoiceId');
  if (row.kind !== 'invoice' || row.status !== 'posted') {
    throw new AppError('CONFLICT', `${row.invoice_no} is not a posted invoice`, [fieldIssue('correctsInvoiceId', 'document_not_posted', { number: row.invoice_no, status: row.status })]);
  }
  if (customerId && row.customer_id !== customerId) throw validationError([fieldIssue('correctsInvoiceId', 'different_customer', { number: row.invoice_no })]);
  return row;
}

const RETURNED_LINES = `SELECT rl.sales_order_line_id, rl.product_id, coalesce(ol.description, p.name) AS description, rl.quantity, p.unit, ol.unit_price, ol.vat_rate, rl.net, rl.tax, rl.gross
    FROM sales_return_lines rl JOIN sales_order_lines ol ON ol.id = rl.sales_order_line_id JOIN products p ON p.id = rl.product_id
   WHERE rl.sales_return_id = ? ORDER BY rl.rowid`;

/** A return's credit-note request (left by the sales area) becomes a credit note with the returned lines. */
export async function creditReturn(ctx: HandlerContext, input: { creditNoteRequestId: string; correctsInvoiceId?: string } & InvoiceHeaderInput): Promise<Invoice> {
  const sqlite = ctx.sqlite;
  const request = statement(sqlite, 'SELECT r.*, sr.return_no FROM credit_note_requests r JOIN sales_returns sr ON sr.id = r.sales_return_id WHERE r.id = ?').get(input.creditNoteRequestId) as
    | { id: string; sales_return_id: string; return_no: string; customer_id: string; sales_order_id: string; status: string; total_gross: number }
    | undefined;
  if (!request) {
    throw new AppError('NOT_FOUND', `Credit-note request ${input.creditNoteRequestId} does not exist`, [
      fieldIssue('creditNoteRequestId', 'not_found', { entity: 'creditNoteRequest', id: input.creditNoteRequestId }),
    ]);
  }
  if (request.status !== 'open') {
    throw new AppError('CONFLICT', `The return ${request.return_no} is ${request.status}`, [fieldIssue('creditNoteRequestId', 'document_not_posted', { number: request.return_no, status: request.status })]);
  }
  if (input.correctsInvoiceId) {
    const invoice = correctedInvoice(ctx, input.correctsInvoiceId, request.customer_id);
    const room = creditableRoom(sqlite, invoice.id);
    // An invoice is never credited beyond its own amount; the rest of a return belongs on another invoice or as credit.
    if (request.total_gross > room) {
      throw validationError([fieldIssue('correctsInvoiceId', 'more_than_creditable', { number: invoice.invoice_no, room: formatFen(room), amount: formatFen(request.total_gross) })]);
    }
  }
  const returned = statement(sqlite, RETURNED_LINES)
    .all(request.sales_return_id) as (Omit<LineDraft, 'discount' | 'vatRate' | 'unitPrice'> & { unit_price: number; vat_rate: number; sales_order_line_id: string; product_id: string })[];
  const lines: LineDraft[] = returned.map((r) => ({
    salesOrderLineId: r.sales_order_line_id,
    productId: r.product_id,
    description: r.description,
    quantity: r.quantity,
    unit: r.unit,
    unitPrice: r.unit_price,
    discount: 0,
    vatRate: r.vat_rate,
    net: r.net,
    tax: r.tax,
    gross: r.gross,
  }));
  const creditNote = await postInvoice(ctx, {
    kind: 'credit_note',
    source: 'return',
    customerId: request.customer_id,
    header: input,
    taxInclusive: true,
    lines,
    salesOrderId: request.sales_order_id,
    creditNoteRequestId: request.id,
    correctsInvoiceId: input.correctsInvoiceId ?? null,
    reason: request.return_no,
  });
  statement(sqlite, "UPDATE credit_note_requests SET status = 'credited', credit_note_id = ?, updated_at = ? WHERE id = ?").run(creditNote.id, creditNote.postedAt, request.id);
  return input.correctsInvoiceId ? applyToCorrectedInvoice(ctx, creditNote, input.correctsInvoiceId) : creditNote;
}

/** A price agreed lower after invoicing: a credit note for the difference (含税), applied to that invoice. */
export async function creditPriceCorrection(
  ctx: HandlerContext,
  input: { correctsInvoiceId: string; amount: number; vatRate?: number; reason: string } & InvoiceHeaderInput,
): Promise<Invoice> {
  const invoice = correctedInvoice(ctx, input.correctsInvoiceId, null);
  const room = creditableRoom(ctx.sqlite, invoice.id);
  if (input.amount > room) throw validationError([fieldIssue('amount', 'more_than_open', { open: room })]);
  const vatRate = input.vatRate ?? ((statement(ctx.sqlite, 'SELECT vat_rate FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no LIMIT 1').pluck().get(invoice.id) as number | undefined) ?? 0);
  const taxed = taxLine({ quantity: 1, unitPrice: input.amount, taxRate: vatRate, pricesIncludeTax: true });
  const creditNote = await postInvoice(ctx, {
    kind: 'credit_note',
    source: 'price_correction',
    customerId: invoice.customer_id,
    header: input,
    taxInclusive: true,
    lines: [{ description: input.reason, quantity: 1, unit: '项', unitPrice: input.amount, discount: 0, vatRate, ...taxed }],
    salesOrderId: invoice.sales_order_id,
    correctsInvoiceId: invoice.id,
    reason: input.reason,
  });
  return applyToCorrectedInvoice(ctx, creditNote, invoice.id);
}
