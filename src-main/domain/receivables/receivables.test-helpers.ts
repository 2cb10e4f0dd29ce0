/**
 * Small builders for receivables tests: customers through the API, and delivered orders and
 * returns written straight into the sales tables (the sales area is built in parallel).
 */
import type { Sqlite } from '../../db/connection';
import { ownerApi, type TestApi } from '../../db/test-db';
import { applyBasisPoints, taxLine } from '../core/money';
import { newId } from '../shared/ids';

const NOW = '2026-03-01T08:00:00.000Z';

export interface World {
  api: TestApi;
  sqlite: Sqlite;
  productId: string;
  warehouseId: string;
}

export async function aWorld(): Promise<World> {
  const api = await ownerApi();
  const sqlite = api.backend.conn.sqlite;
  const productId = newId();
  const warehouseId = newId();
  sqlite
    .prepare("INSERT INTO products (id, code, name, name_pinyin, unit, vat_rate, list_price, created_at, updated_at) VALUES (?, 'P0001', '不锈钢水槽', 'buxiugangshuicao', '个', 1300, 10000, ?, ?)")
    .run(productId, NOW, NOW);
  sqlite.prepare("INSERT INTO warehouses (id, code, name, is_default, created_at, updated_at) VALUES (?, 'WH01', '总仓', 1, ?, ?)").run(warehouseId, NOW, NOW);
  return { api, sqlite, productId, warehouseId };
}

let mobileSeq = 0;

export async function aCustomer(world: World, options: { name?: string; paymentTermsDays?: number } = {}): Promise<string> {
  mobileSeq += 1;
  const customer = await world.api.ok('customers.create', {
    name: options.name ?? `客户${mobileSeq}号商贸有限公司`,
    mobile: `138${String(10_000_000 + mobileSeq).slice(-8)}`,
    paymentTermsDays: options.paymentTermsDays ?? 30,
    allowDuplicate: true,
  });
  return customer.id;
}

export interface OrderLineSpec {
  quantity: number;
  /** Fen per base unit. */
  unitPrice: number;
  discountBp?: number;
  vatRate?: number;
}

export interface DeliveredOrder {
  orderId: string;
  lineIds: string[];
  /** One per entry of `deliveries`, each with its delivery line ids in order-line order. */
  deliveries: { id: string; lineIds: string[] }[];
}

let docSeq = 0;

/** A confirmed order; `deliveries` lists the quantity each delivery sends per order line (0: not on it). */
export function anOrder(
  world: World,
  customerId: string,
  lines: OrderLineSpec[],
  options: { deliveries?: number[][]; date?: string; taxInclusive?: boolean; deliveryStatus?: 'posted' | 'picking' } = {},
): DeliveredOrder {
  const { sqlite, productId, warehouseId } = world;
  const date = options.date ?? '2026-03-01';
  const inclusive = options.taxInclusive ?? true;
  docSeq += 1;
  const orderId = newId();
  const priced = lines.map((l) => {
    const discount = applyBasisPoints(l.quantity * l.unitPrice, l.discountBp ?? 0);
    return { ...l, ...taxLine({ quantity: l.quantity, unitPrice: l.unitPrice, discount, taxRate: l.vatRate ?? 1300, pricesIncludeTax: inclusive }) };
  });
  const sum = (k: 'net' | 'tax' | 'gross') => priced.reduce((s, l) => s + l[k], 0);
  sqlite
    .prepare(
      `INSERT INTO sales_orders (id, order_no, customer_id, status, order_date, warehouse_id, tax_inclusive, total_net, total_tax, total_gross, created_at, updated_at)
       VALUES (?, ?, ?, 'delivered', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(orderId, `SO-2026-${String(docSeq).padStart(6, '0')}`, customerId, date, warehouseId, inclusive ? 1 : 0, sum('net'), sum('tax'), sum('gross'), NOW, NOW);
  const lineIds = priced.map((l, i) => {
    const id = newId();
    sqlite
      .prepare(
        `INSERT INTO sales_order_lines (id, sales_order_id, line_no, product_id, quantity, unit, list_price, unit_price, discount_bp, vat_rate, net, tax, gross)
         VALUES (?, ?, ?, ?, ?, '个', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, orderId, i + 1, productId, l.quantity, l.unitPrice, l.unitPrice, l.discountBp ?? 0, l.vatRate ?? 1300, l.net, l.tax, l.gross);
    return id;
  });
  const deliveries = (options.deliveries ?? []).map((quantities, d) => {
    const id = newId();
    sqlite
      .prepare(
        `INSERT INTO deliveries (id, delivery_no, sales_order_id, customer_id, warehouse_id, status, delivery_date, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, `DN-2026-${String(docSeq * 10 + d).padStart(6, '0')}`, orderId, customerId, warehouseId, options.deliveryStatus ?? 'posted', date, NOW, NOW);
    const ids = quantities.flatMap((quantity, i) => {
      if (quantity === 0) return [];
      const lineId = newId();
      sqlite.prepare('INSERT INTO delivery_lines (id, delivery_id, sales_order_line_id, product_id, quantity) VALUES (?, ?, ?, ?, ?)').run(lineId, id, lineIds[i], productId, quantity);
      return [lineId];
    });
    return { id, lineIds: ids };
  });
  return { orderId, lineIds, deliveries };
}

/** A return of some of an order's lines and the credit-note request it leaves for receivables. */
export function aReturn(world: World, order: DeliveredOrder, customerId: string, returned: { line: number; quantity: number; gross: number; tax: number }[]): string {
  const { sqlite, productId, warehouseId } = world;
  docSeq += 1;
  const returnId = newId();
  sqlite
    .prepare("INSERT INTO sales_returns (id, return_no, sales_order_id, customer_id, warehouse_id, return_date, reason, created_at) VALUES (?, ?, ?, ?, ?, '2026-03-10', '质量问题', ?)")
    .run(returnId, `RT-2026-${String(docSeq).padStart(6, '0')}`, order.orderId, customerId, warehouseId, NOW);
  for (const r of returned) {
    sqlite
      .prepare("INSERT INTO sales_return_lines (id, sales_return_id, sales_order_line_id, product_id, quantity, disposition, net, tax, gross) VALUES (?, ?, ?, ?, ?, 'restock', ?, ?, ?)")
      .run(newId(), returnId, order.lineIds[r.line], productId, r.quantity, r.gross - r.tax, r.tax, r.gross);
  }
  const requestId = newId();
  const gross = returned.reduce((s, r) => s + r.gross, 0);
  const tax = returned.reduce((s, r) => s + r.tax, 0);
  sqlite
    .prepare(
      `INSERT INTO credit_note_requests (id, sales_return_id, customer_id, sales_order_id, total_net, total_tax, total_gross, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(requestId, returnId, customerId, order.orderId, gross - tax, tax, gross, NOW, NOW);
  return requestId;
}

/** A service invoice for one amount (含税 13 %) on a date. */
export async function anInvoice(world: World, customerId: string, gross: number, invoiceDate: string) {
  return world.api.ok('receivables.invoiceServices', {
    customerId,
    invoiceDate,
    lines: [{ description: '安装服务', quantity: 1, unitPrice: gross, vatRate: 1300 }],
  });
}

export async function aReceipt(world: World, customerId: string, amount: number, receiptDate: string, autoAllocate = false) {
  return world.api.ok('receivables.createReceipt', { customerId, receiptDate, method: 'bank_transfer', amount, autoAllocate });
}

export function balanceDue(world: World, customerId: string): number {
  return (world.sqlite.prepare('SELECT balance_due FROM customer_stats WHERE customer_id = ?').pluck().get(customerId) as number | undefined) ?? 0;
}
