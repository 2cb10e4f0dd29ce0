/**
 * A year of receivables for the demo company (seed step): the seeded deliveries invoiced (per
 * delivery, or monthly for some customers), returns credited, a few service invoices, and the
 * customers paying them the way real ones do: on time, late, in parts, by acceptance bill, a little
 * short (the 零头 written off), a little over (kept as credit or refunded), some not at all. A few
 * invoices are reversed and reissued and a few receipts bounce. Events run in date order; the
 * common documents go through the seed book (the services' rows and rules, written in bulk), the
 * rare corrections through the services, so every balance has its documents behind it and
 * `cli check` holds.
 */
import type { Connection } from '../../db/connection';
import { statement } from '../../db/statements';
import type { SeededRandom } from '../../seed/random';
import { addDays, monthEnd } from '../core/dates';
import { seedContext } from '../stock/stock.seed';
import { planAutoAllocation, reverseAllocation } from './allocation.service';
import { creditReturn, ORDER_LINE_FACTS, orderLineDraft, serviceLineDraft, type OrderLineFacts } from './invoice-sources';
import { reverseInvoice, type LineDraft } from './invoices.service';
import { reverseReceipt } from './receipts.service';
import type { ReceiptMethod } from './receivables.dto';
import { invoiceRow } from './receivables.repository';
import { openReceivablesBook } from './receivables.seed-book';
import { followAllInvoices } from '../orders/orders.status';

/** How a customer pays: days after the due date, and by what. */
type Payer = 'prompt' | 'late' | 'slow' | 'stopped' | 'bills';

/** About a third of the open invoices are overdue at any time, as in a small shop with some credit control. */
const PAYERS: [Payer, number][] = [['prompt', 0.47], ['late', 0.3], ['slow', 0.1], ['stopped', 0.05], ['bills', 0.08]];

const SERVICES = ['安装调试服务', '物流配送费', '年度维护服务', '培训服务费'];

interface SeedCustomer {
  id: string;
  payer: Payer;
  monthly: boolean;
  special: boolean;
  method: ReceiptMethod;
  /** A customer who stopped paying leaves the invoices from this day on open. */
  stoppedFrom: string;
}

interface PlannedEvent {
  date: string;
  /** Same day: invoices, then credit notes, then money. */
  rank: number;
  seq: number;
  run(): Promise<void> | void;
}

export interface SeedReceivablesResult {
  invoices: number;
  creditNotes: number;
  receipts: number;
  writeOffs: number;
  reversals: number;
}

function earlier(a: PlannedEvent, b: PlannedEvent): boolean {
  return a.date !== b.date ? a.date < b.date : a.rank !== b.rank ? a.rank < b.rank : a.seq < b.seq;
}

/** A binary heap: the large scale plans hundreds of thousands of events. */
function pushEvent(heap: PlannedEvent[], event: PlannedEvent): void {
  heap.push(event);
  for (let i = heap.length - 1; i > 0; ) {
    const parent = (i - 1) >> 1;
    if (!earlier(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function takeEarliest(heap: PlannedEvent[]): PlannedEvent | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || !last) return top;
  heap[0] = last;
  for (let i = 0; ; ) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && earlier(heap[l]!, heap[m]!)) m = l;
    if (r < heap.length && earlier(heap[r]!, heap[m]!)) m = r;
    if (m === i) break;
    [heap[i], heap[m]] = [heap[m]!, heap[i]!];
    i = m;
  }
  return top;
}

/** Never before the day after the invoice, when a reissue (dated the next day) has replaced it. */
function payDate(invoice: { invoiceDate: string; dueDate: string }, delay: number): string {
  const due = addDays(invoice.dueDate, delay);
  const first = addDays(invoice.invoiceDate, 1);
  return due > first ? due : first;
}

function pickPayer(random: SeededRandom): Payer {
  let roll = random.next();
  for (const [payer, share] of PAYERS) {
    if (roll < share) return payer;
    roll -= share;
  }
  return 'prompt';
}

/** Days between the due date and the payment; null: never paid (as of the seed date). */
function payDelay(random: SeededRandom, { payer, stoppedFrom }: SeedCustomer, invoiceDate: string): number | null {
  switch (payer) {
    case 'prompt':
      return random.int(-5, 3);
    case 'late':
      return random.int(1, 20);
    case 'slow':
      return random.chance(0.05) ? null : random.int(30, 120);
    case 'stopped':
      return invoiceDate >= stoppedFrom ? null : random.int(20, 90);
    case 'bills':
      return random.int(0, 20);
  }
}

export async function seedReceivables(conn: Connection, options: { random: SeededRandom; asOf: string }): Promise<SeedReceivablesResult> {
  const { random, asOf } = options;
  const sqlite = conn.sqlite;
  const ctx = seedContext(conn);
  const book = openReceivablesBook(sqlite);
  const result: SeedReceivablesResult = { invoices: 0, creditNotes: 0, receipts: 0, writeOffs: 0, reversals: 0 };
  if (sqlite.prepare('SELECT 1 FROM invoices LIMIT 1').get()) return result;
  const deliveries = sqlite
    .prepare(
      `SELECT d.id, d.customer_id, d.delivery_date, d.sales_order_id FROM deliveries d JOIN customers c ON c.id = d.customer_id
        WHERE d.status = 'posted' AND c.merged_into_id IS NULL ORDER BY d.delivery_date, d.delivery_no`,
    )
    .all() as { id: string; customer_id: string; delivery_date: string; sales_order_id: string }[];
  const lastDelivery = new Map(deliveries.map((d) => [d.customer_id, d.delivery_date]));
  const customers = new Map<string, SeedCustomer>();
  const customerOf = (id: string): SeedCustomer => {
    let c = customers.get(id);
    if (!c) {
      const payer = pickPayer(random);
      const method: ReceiptMethod = payer === 'bills' ? 'acceptance_bill' : random.chance(0.8) ? 'bank_transfer' : random.pick(['wechat', 'alipay', 'cash'] as const);
      // The shop ships to a customer who stopped paying for a month or three, then stops shipping
      // (its credit control), so the unpaid invoices are the last ones, not a year of them.
      const stoppedFrom = addDays(lastDelivery.get(id) ?? asOf, -random.int(30, 90));
      c = { id, payer, monthly: random.chance(0.2), special: random.chance(0.3), method, stoppedFrom };
      customers.set(id, c);
    }
    return c;
  };
  /** A delivery's lines priced as invoiceDeliveries prices them: every delivered quantity (a seeded delivery is invoiced once). */
  const linesOfDelivery = (deliveryId: string): { line: LineDraft; taxInclusive: boolean }[] =>
    (
      statement(sqlite, `SELECT dl.id AS delivery_line_id, dl.quantity AS delivered, f.* FROM delivery_lines dl JOIN (${ORDER_LINE_FACTS}) f ON f.sales_order_line_id = dl.sales_order_line_id WHERE dl.delivery_id = ? ORDER BY dl.rowid`).all(
        deliveryId,
      ) as (OrderLineFacts & { delivery_line_id: string; delivered: number })[]
    ).map((facts) => ({ line: orderLineDraft(facts, facts.delivered, facts.delivery_line_id), taxInclusive: facts.tax_inclusive === 1 }));
  const events: PlannedEvent[] = [];
  let seq = 0;
  const plan = (date: string, rank: number, run: PlannedEvent['run']) => {
    if (date <= asOf) pushEvent(events, { date, rank, seq: seq++, run });
  };
  let taxInvoiceNo = 10_000_000 + random.int(0, 8_000_000);
  /** The invoice now standing for a planned one: a reversed invoice is replaced by its reissue. */
  const invoiceFor = new Map<number, string>();
  const invoiceOfOrder = new Map<string, number>();

  // Which deliveries go on which invoice: one each, or a month's together for monthly customers.
  const groups = new Map<string, { customer: SeedCustomer; date: string; deliveryIds: string[]; orderIds: string[] }>();
  for (const d of deliveries) {
    const customer = customerOf(d.customer_id);
    const key = customer.monthly ? `${d.customer_id}:${d.delivery_date.slice(0, 7)}` : d.id;
    const date = customer.monthly ? monthEnd(d.delivery_date) : addDays(d.delivery_date, random.int(0, 2));
    const group = groups.get(key) ?? { customer, date, deliveryIds: [], orderIds: [] };
    group.deliveryIds.push(d.id);
    group.orderIds.push(d.sales_order_id);
    groups.set(key, group);
  }

  const pay = (planned: number, customer: SeedCustomer, date: string) => {
    plan(date, 2, () => {
      const invoiceId = invoiceFor.get(planned);
      if (!invoiceId) return;
      const open = book.openOf(invoiceId);
      if (open <= 0) return;
      const style = random.next();
      const method = customer.method;
      const receiptOf = (amount: number, on: string, allocate: number) => {
        const receiptId = book.receipt({
          customerId: customer.id,
          receiptDate: on,
          method,
          amount,
          bankAccount: method === 'bank_transfer' || method === 'acceptance_bill' ? '工商银行南京江宁支行 4301' : null,
          reference: method === 'acceptance_bill' ? `BILL${random.int(100_000, 999_999)}` : method === 'bank_transfer' ? `HX${on.replaceAll('-', '')}${random.int(1000, 9999)}` : null,
          billMaturityDate: method === 'acceptance_bill' ? addDays(on, random.pick([90, 180])) : null,
        });
        result.receipts += 1;
        if (allocate > 0) book.allocate({ customerId: customer.id, receiptId, invoiceId, amount: allocate, date: on });
        return receiptId;
      };
      if (style < 0.1 && open >= 20_000) {
        // Half now, the rest some weeks later.
        const first = Math.round(open / 200) * 100;
        receiptOf(first, date, first);
        const later = addDays(date, random.int(15, 45));
        plan(later, 2, () => {
          const rest = book.openOf(invoiceId);
          if (rest > 0) receiptOf(rest, later, rest);
        });
      } else if (style < 0.16 && method !== 'acceptance_bill' && open % 10_000 > 0 && open > 10_000) {
        // Paid without the 零头: the shop writes the few yuan off.
        const paid = open - (open % 10_000);
        receiptOf(paid, date, paid);
        book.writeOff({ customerId: customer.id, invoiceId, amount: open - paid, reason: '客户付款抹零', date });
        result.writeOffs += 1;
      } else if (style < 0.2 && method !== 'acceptance_bill') {
        // Paid a round sum over the invoice: the rest stays as credit, applied later or refunded.
        const over = open + random.int(1, 20) * 10_000 - (open % 10_000);
        const receiptId = receiptOf(over, date, open);
        const on = addDays(date, random.int(20, 60));
        plan(on, 3, () => {
          const unapplied = book.openOf(receiptId);
          if (unapplied <= 0) return;
          // Half apply it to what is open now; what is left goes back to the customer.
          if (random.chance(0.5)) {
            for (const a of planAutoAllocation(sqlite, customer.id, unapplied, on)) book.allocate({ customerId: customer.id, receiptId, ...a, date: on });
          }
          const left = book.openOf(receiptId);
          if (left > 0) book.refund({ customerId: customer.id, receiptId, amount: left, method: 'bank_transfer', reference: '多付款退回', date: on });
        });
      } else if (style < 0.21 && method === 'bank_transfer') {
        // The transfer bounced: the allocation and the receipt are reversed, and the customer pays again.
        const receiptId = receiptOf(open, date, open);
        const bounced = addDays(date, random.int(1, 4));
        plan(bounced, 3, async () => {
          const allocations = statement(sqlite, 'SELECT id, invoice_id FROM receivable_allocations WHERE receipt_id = ? AND reverses_id IS NULL').all(receiptId) as { id: string; invoice_id: string }[];
          for (const a of allocations) {
            reverseAllocation(ctx, { id: a.id, reason: '银行退票' }, bounced);
            book.forget(a.invoice_id);
          }
          await reverseReceipt(ctx, { id: receiptId, reversedOn: bounced, reason: '银行退票，款项未到账' });
          book.forget(receiptId);
          result.reversals += 1;
          pay(planned, customer, addDays(bounced, random.int(5, 20)));
        });
      } else {
        receiptOf(open, date, open);
      }
    });
  };

  let planned = 0;
  for (const group of groups.values()) {
    const n = planned++;
    const { customer, date } = group;
    plan(date, 0, async () => {
      const special = customer.special;
      const drafts = group.deliveryIds.flatMap((id) => linesOfDelivery(id));
      const invoice = book.invoice({
        customerId: customer.id,
        source: 'deliveries',
        invoiceDate: date,
        invoiceType: special ? 'special' : 'ordinary',
        taxInvoiceNo: special ? String(taxInvoiceNo++) : null,
        taxInvoiceDate: special ? date : null,
        taxInclusive: drafts.every((d) => d.taxInclusive),
        lines: drafts.map((d) => d.line),
      });
      result.invoices += 1;
      invoiceFor.set(n, invoice.id);
      if (random.chance(0.01)) {
        // Issued to the wrong title: reversed and issued again the next day.
        const next = addDays(date, 1);
        plan(next, 0, async () => {
          // A customer who paid on the day (or a credit note that came first) keeps the invoice as it is.
          if (book.openOf(invoice.id) !== invoice.gross) return;
          await reverseInvoice(ctx, { id: invoice.id, reversedOn: next, reason: '发票抬头有误，作废重开' });
          book.forget(invoice.id);
          const again = book.invoice({ customerId: customer.id, source: 'deliveries', invoiceDate: next, taxInclusive: drafts.every((d) => d.taxInclusive), lines: drafts.map((d) => d.line) });
          invoiceFor.set(n, again.id);
          result.invoices += 1;
          result.reversals += 1;
        });
      }
      const delay = payDelay(random, customer, date);
      if (delay !== null) pay(n, customer, payDate(invoice, delay));
    });
    for (const orderId of group.orderIds) invoiceOfOrder.set(orderId, n);
  }

  // Returns: credit notes against the invoice of the order they came from.
  const requests = sqlite
    .prepare("SELECT r.id, r.sales_order_id, sr.return_date FROM credit_note_requests r JOIN sales_returns sr ON sr.id = r.sales_return_id WHERE r.status = 'open'")
    .all() as { id: string; sales_order_id: string; return_date: string }[];
  for (const request of requests) {
    const n = invoiceOfOrder.get(request.sales_order_id);
    if (n === undefined) continue;
    plan(addDays(request.return_date, 2), 1, async () => {
      const corrects = invoiceFor.get(n);
      if (!corrects) return;
      const invoice = invoiceRow(sqlite, corrects);
      if (invoice.status !== 'posted') return;
      const on = [addDays(request.return_date, 2), invoice.invoice_date].sort().at(-1)!;
      await creditReturn(ctx, { creditNoteRequestId: request.id, correctsInvoiceId: corrects, invoiceDate: on });
      book.forget(corrects);
      result.creditNotes += 1;
    });
  }

  // A few services invoiced on their own.
  for (const customer of [...customers.values()].filter(() => random.chance(0.04))) {
    const n = planned++;
    const date = addDays(asOf, -random.int(10, 330));
    plan(date, 0, async () => {
      const invoice = book.invoice({
        customerId: customer.id,
        source: 'service',
        taxInclusive: true,
        invoiceDate: date,
        lines: [serviceLineDraft({ description: random.pick(SERVICES), quantity: 1, unit: '项', unitPrice: random.int(5, 80) * 10_000, discount: 0, vatRate: 600 }, true)],
      });
      result.invoices += 1;
      invoiceFor.set(n, invoice.id);
      const delay = payDelay(random, customer, date);
      if (delay !== null) pay(n, customer, payDate(invoice, delay));
    });
  }

  sqlite.exec('BEGIN');
  try {
    // Events plan later events (a second instalment, a payment after a bounce): always run the earliest.
    for (let next = takeEarliest(events); next; next = takeEarliest(events)) await next.run();
    book.finish();
    // The book was written in bulk: its orders go on to invoiced and paid in one pass.
    followAllInvoices(sqlite);
    sqlite.exec('COMMIT');
  } catch (error) {
    sqlite.exec('ROLLBACK');
    throw error;
  }
  return result;
}
