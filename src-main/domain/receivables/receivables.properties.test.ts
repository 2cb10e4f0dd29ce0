import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/dates';
import type { Sqlite } from '../../db/connection';
import { oldestOverdueDueDate } from './receivables.repository';
import { aCustomer, aWorld, type World } from './receivables.test-helpers';

const START = '2026-01-01';
const day = (n: number) => addDays(START, n);

const op = fc.oneof(
  fc.record({ t: fc.constant('invoice' as const), c: fc.nat(1), gross: fc.integer({ min: 1, max: 200_000 }), day: fc.nat(120) }),
  fc.record({ t: fc.constant('receipt' as const), c: fc.nat(1), amount: fc.integer({ min: 1, max: 200_000 }), day: fc.nat(120), auto: fc.boolean() }),
  fc.record({ t: fc.constant('correction' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }), lag: fc.nat(15) }),
  fc.record({ t: fc.constant('allocate' as const), pick: fc.nat(), source: fc.nat(), share: fc.integer({ min: 1, max: 100 }), lag: fc.nat(15) }),
  fc.record({ t: fc.constant('autoAllocate' as const), source: fc.nat(), lag: fc.nat(15) }),
  fc.record({ t: fc.constant('writeOff' as const), pick: fc.nat(), amount: fc.integer({ min: 1, max: 10_000 }), lag: fc.nat(15) }),
  fc.record({ t: fc.constant('refund' as const), source: fc.nat(), share: fc.integer({ min: 1, max: 100 }), lag: fc.nat(15) }),
  fc.record({ t: fc.constant('reverseAllocation' as const), pick: fc.nat(), lag: fc.nat(15) }),
  fc.record({ t: fc.constant('reverseDocument' as const), pick: fc.nat(), lag: fc.nat(15) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

interface Doc {
  id: string;
  kind: 'invoice' | 'credit_note' | 'receipt';
  date: string;
  open: number;
}

function documents(sqlite: Sqlite): Doc[] {
  return sqlite
    .prepare(
      `SELECT i.id, i.kind, i.invoice_date AS date, i.total_gross - coalesce((SELECT sum(amount) FROM receivable_allocations a WHERE a.invoice_id = i.id OR a.credit_note_id = i.id), 0) AS open
         FROM invoices i WHERE i.status = 'posted'
       UNION ALL
       SELECT r.id, 'receipt', r.receipt_date, r.amount - coalesce((SELECT sum(amount) FROM receivable_allocations a WHERE a.receipt_id = r.id), 0)
         FROM receipts r WHERE r.status = 'posted'
       ORDER BY 1`,
    )
    .all() as Doc[];
}

const latest = (...dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).sort().at(-1)!;

function lastEntryOn(sqlite: Sqlite, ...ids: string[]): string | null {
  return sqlite
    .prepare(`SELECT max(allocation_date) FROM receivable_allocations WHERE ${ids.map(() => '(invoice_id = ? OR credit_note_id = ? OR receipt_id = ?)').join(' OR ')}`)
    .pluck()
    .get(...ids.flatMap((id) => [id, id, id])) as string | null;
}

const pickFrom = <T>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);

async function apply(world: World, customers: string[], o: Op): Promise<void> {
  const { api, sqlite } = world;
  const docs = documents(sqlite);
  const invoices = docs.filter((d) => d.kind === 'invoice' && d.open > 0);
  const sources = docs.filter((d) => d.kind !== 'invoice' && d.open > 0);
  const customerOf = (id: string) => sqlite.prepare('SELECT customer_id FROM invoices WHERE id = ? UNION ALL SELECT customer_id FROM receipts WHERE id = ?').pluck().get(id, id) as string;
  const sourceInput = (d: Doc) => (d.kind === 'receipt' ? { receiptId: d.id } : { creditNoteId: d.id });
  let result: { ok: boolean; error?: { code: string } } = { ok: true };
  switch (o.t) {
    case 'invoice':
      result = await api.call('receivables.invoiceServices', { customerId: customers[o.c]!, invoiceDate: day(o.day), lines: [{ description: '服务', quantity: 1, unitPrice: o.gross, vatRate: 600 }] });
      break;
    case 'receipt':
      result = await api.call('receivables.createReceipt', { customerId: customers[o.c]!, receiptDate: day(o.day), method: 'bank_transfer', amount: o.amount, autoAllocate: o.auto });
      break;
    case 'correction': {
      const invoice = pickFrom(invoices, o.pick);
      if (!invoice) return;
      // Price corrections never credit more than the invoice's total, even when an earlier one's application was reversed.
      const credited = sqlite.prepare("SELECT coalesce(sum(total_gross), 0) FROM invoices WHERE corrects_invoice_id = ? AND kind = 'credit_note' AND status = 'posted'").pluck().get(invoice.id) as number;
      const creditable = Math.min(invoice.open, (sqlite.prepare('SELECT total_gross FROM invoices WHERE id = ?').pluck().get(invoice.id) as number) - credited);
      if (creditable <= 0) return;
      const amount = Math.max(1, Math.floor((creditable * o.share) / 100));
      result = await api.call('receivables.creditPriceCorrection', { correctsInvoiceId: invoice.id, amount, reason: '调价', invoiceDate: addDays(latest(invoice.date, lastEntryOn(sqlite, invoice.id)), o.lag) });
      break;
    }
    case 'allocate': {
      const invoice = pickFrom(invoices, o.pick);
      const source = invoice && pickFrom(sources.filter((s) => customerOf(s.id) === customerOf(invoice.id)), o.source);
      if (!invoice || !source) return;
      const amount = Math.max(1, Math.floor((Math.min(invoice.open, source.open) * o.share) / 100));
      const allocationDate = addDays(latest(invoice.date, source.date, lastEntryOn(sqlite, invoice.id, source.id)), o.lag);
      result = await api.call('receivables.allocate', { ...sourceInput(source), allocationDate, allocations: [{ invoiceId: invoice.id, amount }] });
      break;
    }
    case 'autoAllocate': {
      const source = pickFrom(sources, o.source);
      if (!source) return;
      result = await api.call('receivables.autoAllocate', { ...sourceInput(source), allocationDate: addDays(latest(source.date, lastEntryOn(sqlite, source.id)), o.lag) });
      break;
    }
    case 'writeOff': {
      const invoice = pickFrom(invoices, o.pick);
      if (!invoice) return;
      const date = addDays(latest(invoice.date, lastEntryOn(sqlite, invoice.id)), o.lag);
      result = await api.call('receivables.writeOff', { invoiceId: invoice.id, amount: Math.min(o.amount, invoice.open), reason: '抹零', date });
      break;
    }
    case 'refund': {
      const source = pickFrom(sources, o.source);
      if (!source) return;
      const amount = Math.max(1, Math.floor((source.open * o.share) / 100));
      result = await api.call('receivables.refund', { ...sourceInput(source), amount, method: 'bank_transfer', date: addDays(latest(source.date, lastEntryOn(sqlite, source.id)), o.lag) });
      break;
    }
    case 'reverseAllocation': {
      const live = sqlite
        .prepare('SELECT id, allocation_date FROM receivable_allocations a WHERE reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM receivable_allocations r WHERE r.reverses_id = a.id) ORDER BY id')
        .all() as { id: string; allocation_date: string }[];
      const entry = pickFrom(live, o.pick);
      if (!entry) return;
      result = await api.call('receivables.reverseAllocation', { id: entry.id, date: addDays(entry.allocation_date, o.lag), reason: '冲销' });
      break;
    }
    case 'reverseDocument': {
      const doc = pickFrom(docs, o.pick);
      if (!doc) return;
      const reversedOn = addDays(latest(doc.date, lastEntryOn(sqlite, doc.id)), o.lag);
      result = await api.call(doc.kind === 'receipt' ? 'receivables.reverseReceipt' : 'receivables.reverseInvoice', { id: doc.id, reversedOn, reason: '冲销' });
      // Money still applied to the document is the one reason a reversal may be refused.
      if (!result.ok) expect(result.error?.code).toBe('CONFLICT');
      return;
    }
  }
  expect(result).toMatchObject({ ok: true });
}

/** The formula, from the raw rows: invoices − credit notes − receipts − write-offs + refunds, as of a date. */
function balancesAsOf(sqlite: Sqlite, asOf: string): Map<string, number> {
  const rows = sqlite
    .prepare(
      `SELECT c.code, sum(x) AS balance FROM (
         SELECT customer_id, CASE kind WHEN 'invoice' THEN total_gross ELSE -total_gross END AS x FROM invoices WHERE invoice_date <= @d AND (reversed_on IS NULL OR reversed_on > @d)
         UNION ALL SELECT customer_id, -amount FROM receipts WHERE receipt_date <= @d AND (reversed_on IS NULL OR reversed_on > @d)
         UNION ALL SELECT customer_id, -amount FROM receivable_allocations WHERE kind = 'writeoff' AND allocation_date <= @d
         UNION ALL SELECT customer_id, amount FROM receivable_allocations WHERE kind = 'refund' AND allocation_date <= @d
       ) JOIN customers c ON c.id = customer_id GROUP BY c.code HAVING sum(x) <> 0`,
    )
    .all({ d: asOf }) as { code: string; balance: number }[];
  return new Map(rows.map((r) => [r.code, r.balance]));
}

describe('receivables under random postings', () => {
  it('keeps every balance equal to the formula and the aging equal to the balances at every date', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const world = await aWorld();
        const customers = [await aCustomer(world, { paymentTermsDays: 30 }), await aCustomer(world, { paymentTermsDays: 0 })];
        for (const o of ops) await apply(world, customers, o);

        expect(world.api.backend.checkInvariants().filter((r) => !r.ok && !r.name.includes('product'))).toEqual([]);
        for (const d of documents(world.sqlite)) expect({ id: d.id, open: d.open >= 0 }).toEqual({ id: d.id, open: true });

        // Every date something happened, and the day before it: where an off-by-one would show.
        const happened = world.sqlite
          .prepare(
            `SELECT invoice_date FROM invoices UNION SELECT reversed_on FROM invoices WHERE reversed_on IS NOT NULL UNION SELECT due_date FROM invoices
             UNION SELECT receipt_date FROM receipts UNION SELECT reversed_on FROM receipts WHERE reversed_on IS NOT NULL UNION SELECT allocation_date FROM receivable_allocations`,
          )
          .pluck()
          .all() as string[];
        const dates = new Set<string>(['2030-01-01', ...happened, ...happened.map((d) => addDays(d, -1))]);
        for (const asOf of dates) {
          const aging = await world.api.ok('receivables.aging', { asOf });
          const expected = balancesAsOf(world.sqlite, asOf);
          expect({ asOf, rows: new Map(aging.rows.filter((r) => r.total !== 0).map((r) => [r.customer_code, r.total])) }).toEqual({ asOf, rows: expected });
          for (const row of aging.rows) expect(Object.values(row.by_bucket).reduce((s, v) => s + v, 0)).toBe(row.total);
          expect(aging.totals.total).toBe([...expected.values()].reduce((s, v) => s + v, 0));
        }
        for (const customerId of customers) {
          const code = world.sqlite.prepare('SELECT code FROM customers WHERE id = ?').pluck().get(customerId) as string;
          expect((await world.api.ok('receivables.balance', { customerId })).balance).toBe(balancesAsOf(world.sqlite, '2030-01-01').get(code) ?? 0);
        }
        // The credit check's oldest overdue invoice, read from the open invoices' index, against the documents themselves.
        const oldestUnpaid = world.sqlite.prepare(
          `SELECT min(i.due_date) FROM invoices i WHERE i.customer_id = ? AND i.kind = 'invoice' AND i.status = 'posted' AND i.due_date < ?
              AND i.total_gross > coalesce((SELECT sum(a.amount) FROM receivable_allocations a WHERE a.invoice_id = i.id), 0)`,
        );
        for (const customerId of customers) {
          for (const today of dates) {
            const expected = oldestUnpaid.pluck().get(customerId, today);
            expect({ customerId, today, oldest: oldestOverdueDueDate(world.sqlite, customerId, today) }).toEqual({ customerId, today, oldest: expected });
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});
