/**
 * What is waiting to be invoiced or credited (待开票, 待开红字): the worklists the 开票 screens pick from.
 * Amounts are priced exactly as posting would price them, so the screen shows the invoice it will make.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { sumTaxLines } from '../core/money';
import { customerIdVisibleText } from '../customers/customers.scope';
import { EVERYTHING, type DataScope } from '../users/data-scope';
import { CREDITED_AGAINST, draftDeliveryLines, INVOICED_OF_ORDER_LINE, ORDER_LINE_FACTS, type OrderLineFacts } from './invoice-sources';
import { INVOICE_OPEN } from './receivables.repository';
import type { CreditableInvoices, DeliveryInvoicing, InvoiceableDeliveries, InvoiceableOrder, OpenCreditNoteRequest } from './receivables.dto';

/** Above this many waiting deliveries a customer's invoicing is overdue work; the oldest come first. */
const MAX_INVOICEABLE_DELIVERIES = 200;

// A delivery qualifies while one of its lines has more delivered than invoiced; the order-line cap is applied when pricing.
const DELIVERIES_WITH_UNINVOICED_LINES = `SELECT d.id, d.delivery_no, d.delivery_date, o.order_no
    FROM deliveries d JOIN sales_orders o ON o.id = d.sales_order_id
   WHERE d.customer_id = ? AND d.status = 'posted'
     AND EXISTS (SELECT 1 FROM delivery_lines dl WHERE dl.delivery_id = d.id AND dl.quantity > (
           SELECT coalesce(sum(il.quantity), 0) FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
            WHERE il.delivery_line_id = dl.id AND i.kind = 'invoice' AND i.status = 'posted'))
   ORDER BY d.delivery_date, d.delivery_no
   LIMIT ${MAX_INVOICEABLE_DELIVERIES}`;

function customerTerms(sqlite: Sqlite, customerId: string): { name: string; payment_terms_days: number } {
  const customer = statement(sqlite, 'SELECT name, payment_terms_days FROM customers WHERE id = ?').get(customerId) as { name: string; payment_terms_days: number } | undefined;
  if (!customer) throw new AppError('NOT_FOUND', `Customer ${customerId} does not exist`, [fieldIssue('customerId', 'not_found', { entity: 'customer', id: customerId })]);
  return customer;
}

/** A customer's posted deliveries with something not invoiced yet, oldest first, each priced on its own. */
export function invoiceableDeliveries(sqlite: Sqlite, customerId: string): InvoiceableDeliveries {
  const customer = customerTerms(sqlite, customerId);
  const rows = statement(sqlite, DELIVERIES_WITH_UNINVOICED_LINES).all(customerId) as { id: string; delivery_no: string; delivery_date: string; order_no: string | null }[];
  const deliveries = rows.flatMap((row) => {
    const drafts = draftDeliveryLines(sqlite, row.id, new Map());
    // Its order may have been invoiced whole already: then nothing of the delivery is left to invoice.
    if (drafts.length === 0) return [];
    const total = sumTaxLines(drafts.map((d) => d.draft));
    return [{ deliveryId: row.id, deliveryNo: row.delivery_no, deliveryDate: row.delivery_date, orderNo: row.order_no, net: total.net, tax: total.tax, gross: total.gross }];
  });
  return { customerId, paymentTermsDays: customer.payment_terms_days, deliveries };
}

const INVOICES_OF_DELIVERY = `SELECT DISTINCT i.id, i.invoice_no AS invoiceNo, i.invoice_date AS invoiceDate
    FROM invoices i JOIN invoice_lines il ON il.invoice_id = i.id
   WHERE i.kind = 'invoice' AND i.status = 'posted'
     AND (il.delivery_line_id IN (SELECT id FROM delivery_lines WHERE delivery_id = @id)
          OR (il.delivery_line_id IS NULL AND il.sales_order_line_id IN (SELECT sales_order_line_id FROM delivery_lines WHERE delivery_id = @id)))
   ORDER BY i.invoice_date, i.invoice_no`;

/** One delivery's invoicing: what is left to invoice of it and the invoices that took the rest, for its page's 开票. */
export function deliveryInvoicing(sqlite: Sqlite, deliveryId: string): DeliveryInvoicing {
  const delivery = statement(sqlite, 'SELECT status FROM deliveries WHERE id = ?').get(deliveryId) as { status: string } | undefined;
  if (!delivery) throw new AppError('NOT_FOUND', `Delivery ${deliveryId} does not exist`, [fieldIssue('deliveryId', 'not_found', { entity: 'delivery', id: deliveryId })]);
  const drafts = delivery.status === 'posted' ? draftDeliveryLines(sqlite, deliveryId, new Map()) : [];
  const invoices = statement(sqlite, INVOICES_OF_DELIVERY).all({ id: deliveryId }) as DeliveryInvoicing['invoices'];
  return { deliveryId, toInvoice: drafts.length ? sumTaxLines(drafts.map((d) => d.draft)).gross : 0, invoices };
}

/** An order's lines with what is ordered, invoiced and still open: one order may go into several invoices. */
export function invoiceableOrder(sqlite: Sqlite, salesOrderId: string): InvoiceableOrder {
  const order = statement(sqlite, 'SELECT id, order_no, customer_id, status, tax_inclusive FROM sales_orders WHERE id = ?').get(salesOrderId) as
    | { id: string; order_no: string | null; customer_id: string; status: string; tax_inclusive: 0 | 1 }
    | undefined;
  if (!order) throw new AppError('NOT_FOUND', `Sales order ${salesOrderId} does not exist`, [fieldIssue('salesOrderId', 'not_found', { entity: 'salesOrder', id: salesOrderId })]);
  const customer = customerTerms(sqlite, order.customer_id);
  const facts = statement(sqlite, `${ORDER_LINE_FACTS} WHERE ol.sales_order_id = ? ORDER BY ol.line_no`).all(order.id) as OrderLineFacts[];
  const lines = facts.map((f, i) => {
    const invoiced = statement(sqlite, INVOICED_OF_ORDER_LINE).pluck().get(f.sales_order_line_id) as number;
    return {
      salesOrderLineId: f.sales_order_line_id,
      lineNo: i + 1,
      description: f.product_name,
      unit: f.unit,
      ordered: f.ordered,
      invoiced,
      open: Math.max(f.ordered - invoiced, 0),
      unitPrice: f.unit_price,
      discountBp: f.discount_bp,
      vatRate: f.vat_rate,
    };
  });
  return {
    salesOrderId: order.id,
    orderNo: order.order_no,
    orderStatus: order.status,
    customerId: order.customer_id,
    customerName: customer.name,
    paymentTermsDays: customer.payment_terms_days,
    taxInclusive: order.tax_inclusive === 1,
    lines,
  };
}

const OPEN_REQUESTS = `SELECT r.id, r.sales_return_id, sr.return_no, sr.return_date, sr.reason AS return_reason, o.order_no, r.customer_id, c.name AS customer_name,
       r.total_net, r.total_tax, r.total_gross, r.created_at
  FROM credit_note_requests r
  JOIN sales_returns sr ON sr.id = r.sales_return_id
  JOIN sales_orders o ON o.id = r.sales_order_id
  JOIN customers c ON c.id = r.customer_id
 WHERE r.status = 'open'`;

/** Returns waiting for their 红字 credit note, oldest first (the request's status index orders them). */
export function openCreditNoteRequests(sqlite: Sqlite, input: { customerId?: string; page: number; pageSize: number }, scope: DataScope = EVERYTHING): Page<OpenCreditNoteRequest> {
  const visible = customerIdVisibleText(scope, 'r.customer_id');
  const where = `${input.customerId ? ' AND r.customer_id = @customerId' : ''}${visible ? ` AND ${visible.text}` : ''}`;
  const scopeParams = visible?.params ?? [];
  const rows = statement(sqlite, `${OPEN_REQUESTS}${where} ORDER BY r.created_at, r.id LIMIT @limit OFFSET @offset`).all(...scopeParams, {
    customerId: input.customerId ?? null,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  }) as {
    id: string;
    sales_return_id: string;
    return_no: string;
    return_date: string;
    return_reason: string;
    order_no: string | null;
    customer_id: string;
    customer_name: string;
    total_net: number;
    total_tax: number;
    total_gross: number;
    created_at: string;
  }[];
  const total = statement(sqlite, `SELECT count(*) FROM credit_note_requests r WHERE r.status = 'open'${where}`).pluck().get(...scopeParams, { customerId: input.customerId ?? null }) as number;
  return {
    rows: rows.map((r) => ({
      id: r.id,
      salesReturnId: r.sales_return_id,
      returnNo: r.return_no,
      returnDate: r.return_date,
      returnReason: r.return_reason,
      orderNo: r.order_no,
      customerId: r.customer_id,
      customerName: r.customer_name,
      totalNet: r.total_net,
      totalTax: r.total_tax,
      totalGross: r.total_gross,
      createdAt: r.created_at,
    })),
    total,
    totalIsExact: true,
  };
}

/** The customer's other invoices offered when the order has none: the latest, enough to find the right one. */
const MAX_CUSTOMER_INVOICES = 50;

const CREDITABLE_INVOICES = `SELECT * FROM (SELECT i.id, i.invoice_no, i.invoice_date, i.total_gross, ${INVOICE_OPEN} AS open_amount, i.total_gross - ${CREDITED_AGAINST} AS creditable,
       (SELECT count(*) FROM invoice_lines il JOIN sales_return_lines rl ON rl.sales_order_line_id = il.sales_order_line_id
         WHERE il.invoice_id = i.id AND rl.sales_return_id = @returnId) AS returned_lines
  FROM invoices i
 WHERE i.kind = 'invoice' AND i.status = 'posted' AND %WHERE%) WHERE creditable > 0
 ORDER BY returned_lines DESC, invoice_date DESC, invoice_no DESC LIMIT ${MAX_CUSTOMER_INVOICES}`;

// An invoice of several orders' deliveries names no order; it is the order's if it carries a returned line.
const OF_THE_ORDER = `(i.sales_order_id = @orderId OR i.id IN (SELECT il.invoice_id FROM sales_return_lines rl JOIN invoice_lines il ON il.sales_order_line_id = rl.sales_order_line_id
  WHERE rl.sales_return_id = @returnId))`;

/**
 * 开红字 against an invoice: the posted invoices of the return's order with something left to credit
 * (the customer's latest when the order has none), the one carrying the most returned lines first.
 */
export function creditableInvoices(sqlite: Sqlite, creditNoteRequestId: string): CreditableInvoices {
  const request = statement(sqlite, 'SELECT sales_return_id, sales_order_id, customer_id FROM credit_note_requests WHERE id = ?').get(creditNoteRequestId) as
    | { sales_return_id: string; sales_order_id: string | null; customer_id: string }
    | undefined;
  if (!request) throw new AppError('NOT_FOUND', `Credit-note request ${creditNoteRequestId} does not exist`, [fieldIssue('creditNoteRequestId', 'not_found', { entity: 'creditNoteRequest', id: creditNoteRequestId })]);
  const params = { returnId: request.sales_return_id, orderId: request.sales_order_id, customerId: request.customer_id };
  type Row = { id: string; invoice_no: string; invoice_date: string; total_gross: number; open_amount: number; creditable: number; returned_lines: number };
  let rows = statement(sqlite, CREDITABLE_INVOICES.replace('%WHERE%', OF_THE_ORDER)).all(params) as Row[];
  const ofOrder = rows.length > 0;
  if (!ofOrder) rows = statement(sqlite, CREDITABLE_INVOICES.replace('%WHERE%', 'i.customer_id = @customerId')).all(params) as Row[];
  return {
    invoices: rows.map((r) => ({ id: r.id, invoiceNo: r.invoice_no, invoiceDate: r.invoice_date, totalGross: r.total_gross, openAmount: r.open_amount, creditable: r.creditable, ofOrder })),
    invoicedOnId: rows[0] && rows[0].returned_lines > 0 ? rows[0].id : null,
  };
}
