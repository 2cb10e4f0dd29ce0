/** Quotes as their screens show them. */
import type { Page } from '../../api/paging';
import { notFound } from '../../api/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { Quote, QuoteLine, QuoteListRow } from './quotes.contract';
import type { QuoteStatus } from './quotes.dto';
import { customerIdVisibleText } from '../customers/customers.scope';
import { EVERYTHING, type DataScope } from '../users/data-scope';

interface HeaderRecord {
  id: string;
  quote_no: string;
  customer_id: string;
  customer_name: string;
  status: QuoteStatus;
  quote_date: string;
  valid_until: string;
  total_net: number;
  total_tax: number;
  total_gross: number;
  currency: string;
  tax_inclusive: number;
  sales_order_id: string | null;
  order_no: string | null;
  notes: string | null;
  owner_user_id: string | null;
}

const HEADER = `SELECT q.id, q.quote_no, q.customer_id, c.name AS customer_name, q.status, q.quote_date, q.valid_until, q.total_net, q.total_tax, q.total_gross,
       q.currency, q.tax_inclusive, q.sales_order_id, o.order_no, q.notes, q.owner_user_id
  FROM quotes q JOIN customers c ON c.id = q.customer_id LEFT JOIN sales_orders o ON o.id = q.sales_order_id`;

function toRow(r: HeaderRecord): QuoteListRow {
  return {
    id: r.id,
    quoteNo: r.quote_no,
    customerId: r.customer_id,
    customerName: r.customer_name,
    status: r.status,
    quoteDate: r.quote_date,
    validUntil: r.valid_until,
    totalGross: r.total_gross,
    currency: r.currency,
    salesOrderId: r.sales_order_id,
    orderNo: r.order_no,
  };
}

interface LineRecord {
  id: string;
  line_no: number;
  product_id: string;
  code: string;
  name: string;
  spec: string | null;
  description: string | null;
  quantity: number;
  unit: string;
  unit_factor: number;
  unit_price: number;
  discount_bp: number;
  vat_rate: number;
  net: number;
  tax: number;
  gross: number;
}

export function getQuote(sqlite: Sqlite, id: string): Quote {
  const header = statement(sqlite, `${HEADER} WHERE q.id = ?`).get(id) as HeaderRecord | undefined;
  if (!header) throw notFound('Quote', id);
  const lines = statement(
    sqlite,
    `SELECT l.id, l.line_no, l.product_id, p.code, p.name, p.spec, l.description, l.quantity, l.unit, l.unit_factor, l.unit_price, l.discount_bp, l.vat_rate, l.net, l.tax, l.gross
       FROM quote_lines l JOIN products p ON p.id = l.product_id WHERE l.quote_id = ? ORDER BY l.line_no`,
  ).all(id) as LineRecord[];
  return {
    ...toRow(header),
    taxInclusive: header.tax_inclusive === 1,
    totalNet: header.total_net,
    totalTax: header.total_tax,
    notes: header.notes,
    ownerUserId: header.owner_user_id,
    lines: lines.map(
      (l): QuoteLine => ({
        id: l.id,
        lineNo: l.line_no,
        productId: l.product_id,
        productCode: l.code,
        productName: l.name,
        spec: l.spec,
        description: l.description,
        quantity: l.quantity,
        unit: l.unit,
        unitFactor: l.unit_factor,
        unitPrice: l.unit_price,
        discountBp: l.discount_bp,
        vatRate: l.vat_rate,
        net: l.net,
        tax: l.tax,
        gross: l.gross,
      }),
    ),
  };
}

export function listQuotes(
  sqlite: Sqlite,
  input: { page: number; pageSize: number; status?: QuoteStatus | undefined; customerId?: string | undefined; q?: string | undefined },
  scope: DataScope = EVERYTHING,
): Page<QuoteListRow> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  const inScope = customerIdVisibleText(scope, 'q.customer_id');
  if (inScope) add(inScope.text, ...inScope.params);
  if (input.status) add('q.status = ?', input.status);
  if (input.customerId) add('q.customer_id = ?', input.customerId);
  if (input.q) add('(q.quote_no LIKE ? OR c.name LIKE ?)', `%${input.q}%`, `%${input.q}%`);
  const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = statement(sqlite, `SELECT count(*) FROM quotes q JOIN customers c ON c.id = q.customer_id${filter}`)
    .pluck()
    .get(...params) as number;
  const rows = statement(sqlite, `${HEADER}${filter} ORDER BY q.quote_date DESC, q.id DESC LIMIT ? OFFSET ?`).all(...params, input.pageSize, (input.page - 1) * input.pageSize) as HeaderRecord[];
  return { rows: rows.map(toRow), total, totalIsExact: true };
}
