import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, monthEnd } from '../core/dates';
import { aCustomer, aWorld, type World } from '../receivables/receivables.test-helpers';
import type { Voucher } from './vouchers.dto';

const START = '2026-01-01';
const day = (n: number) => addDays(START, n);
const METHODS = ['bank_transfer', 'cash', 'wechat', 'alipay'] as const;

const op = fc.oneof(
  fc.record({ t: fc.constant('invoice' as const), c: fc.nat(1), gross: fc.integer({ min: 1, max: 500_000 }), day: fc.nat(150) }),
  fc.record({ t: fc.constant('receipt' as const), c: fc.nat(1), amount: fc.integer({ min: 1, max: 500_000 }), day: fc.nat(150), method: fc.constantFrom(...METHODS) }),
  fc.record({ t: fc.constant('writeOff' as const), pick: fc.nat(), amount: fc.integer({ min: 1, max: 5_000 }), day: fc.nat(150) }),
  fc.record({ t: fc.constant('refund' as const), pick: fc.nat(), amount: fc.integer({ min: 1, max: 5_000 }), day: fc.nat(150) }),
  fc.record({ t: fc.constant('creditNote' as const), pick: fc.nat(), amount: fc.integer({ min: 1, max: 5_000 }), day: fc.nat(150) }),
  fc.record({ t: fc.constant('reverse' as const), pick: fc.nat(), day: fc.nat(150) }),
  fc.record({ t: fc.constant('close' as const), day: fc.nat(150) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);
const ids = (world: World, sql: string) => world.sqlite.prepare(sql).pluck().all() as string[];

async function apply(world: World, customers: string[], o: Op): Promise<{ ok: boolean; error?: { code: string } }> {
  const { api } = world;
  const invoices = ids(world, "SELECT id FROM invoices WHERE kind = 'invoice' AND status = 'posted' ORDER BY id");
  const receipts = ids(world, "SELECT id FROM receipts WHERE status = 'posted' ORDER BY id");
  switch (o.t) {
    case 'invoice':
      return api.call('receivables.invoiceServices', { customerId: customers[o.c]!, invoiceDate: day(o.day), lines: [{ description: '服务', quantity: 1, unitPrice: o.gross, vatRate: 1300 }] });
    case 'receipt':
      return api.call('receivables.createReceipt', { customerId: customers[o.c]!, receiptDate: day(o.day), method: o.method, amount: o.amount, autoAllocate: true });
    case 'writeOff': {
      const invoiceId = pick(invoices, o.pick);
      return invoiceId ? api.call('receivables.writeOff', { invoiceId, amount: o.amount, reason: '抹零', date: day(o.day) }) : { ok: true };
    }
    case 'refund': {
      const receiptId = pick(receipts, o.pick);
      return receiptId ? api.call('receivables.refund', { receiptId, amount: o.amount, method: 'bank_transfer', date: day(o.day) }) : { ok: true };
    }
    case 'creditNote': {
      const correctsInvoiceId = pick(invoices, o.pick);
      return correctsInvoiceId ? api.call('receivables.creditPriceCorrection', { correctsInvoiceId, amount: o.amount, reason: '让价', invoiceDate: day(o.day) }) : { ok: true };
    }
    case 'reverse': {
      const id = pick([...invoices, ...receipts], o.pick);
      if (!id) return { ok: true };
      return api.call(invoices.includes(id) ? 'receivables.reverseInvoice' : 'receivables.reverseReceipt', { id, reversedOn: day(o.day), reason: '冲销' });
    }
    case 'close':
      return api.call('vouchers.closePeriod', { period: day(o.day).slice(0, 7) });
  }
}

describe('vouchers under random postings and period closes', () => {
  it('every voucher balances in fen, and nothing dated in a closed month changes afterwards', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const world = await aWorld();
        const customers = [await aCustomer(world), await aCustomer(world, { paymentTermsDays: 0 })];
        // What a closed month looked like when it was closed: its vouchers and the aging at its end.
        const frozen = new Map<string, { vouchers: Voucher[]; aging: unknown }>();
        for (const o of ops) {
          const result = await apply(world, customers, o);
          if (!result.ok) expect(['VALIDATION', 'CONFLICT', 'PERIOD_LOCKED']).toContain(result.error?.code);
          if (o.t === 'close' && result.ok) {
            const through = (await world.api.ok('vouchers.periods', {})).closedThrough!;
            const end = monthEnd(`${through}-01`);
            frozen.set(through, { vouchers: (await world.api.ok('vouchers.list', { from: START, to: end, pageSize: 200 })).rows, aging: await world.api.ok('receivables.aging', { asOf: end }) });
          }
        }
        for (const [through, then] of frozen) {
          const end = monthEnd(`${through}-01`);
          expect((await world.api.ok('vouchers.list', { from: START, to: end, pageSize: 200 })).rows).toEqual(then.vouchers);
          expect(await world.api.ok('receivables.aging', { asOf: end })).toEqual(then.aging);
        }
        const all = (await world.api.ok('vouchers.list', { from: START, to: '2026-12-31', pageSize: 200 })).rows;
        for (const v of all) {
          expect(v.lines.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
          for (const l of v.lines) expect(Number.isInteger(l.debit) && Number.isInteger(l.credit) && (l.debit === 0) !== (l.credit === 0)).toBe(true);
        }
        // Numbers run 1, 2, 3 … within each month.
        const byMonth = new Map<string, number[]>();
        for (const v of all) byMonth.set(v.period, [...(byMonth.get(v.period) ?? []), v.number]);
        for (const numbers of byMonth.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});
