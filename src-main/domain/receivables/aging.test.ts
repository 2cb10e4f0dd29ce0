import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../backend/backend';
import { wholeTableWalks } from '../../db/query-plans';
import { runCli } from '../../cli/commands';
import { localAdmin } from '../users/local-admin';
import { csvLines, sheetRows } from '../exports/exports.test-helpers';
import { AGING_SQL, agingParameters } from './aging';
import type { AgingReport } from './receivables.dto';
import { aCustomer, anInvoice, aReceipt, aWorld, type World } from './receivables.test-helpers';

const zero = { not_due: 0, '1-30': 0, '31-60': 0, '61-90': 0, '91-180': 0, over_180: 0 };

/**
 * A book in a file made by `init` on the command line, each customer (payment terms 0) invoiced for
 * one freight line on 2026-01-10; answers the command line on that file.
 */
async function aBookOnFile(customers: { name: string; mobile: string; unitPrice: number }[]) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-aging-')), 'desk-erp.sqlite');
  const run = async (argv: string[]) => {
    let stdout = '';
    const code = await runCli([...argv, '--db', file], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => undefined } });
    return { code, stdout };
  };
  expect((await run(['init', '--company', '测试公司', '--owner', 'boss', '--password', 'boss-pass-123'])).code).toBe(0);
  const backend = createBackend({ file });
  try {
    const ctx = { session: { user: localAdmin(backend.conn) }, transport: 'cli' as const };
    for (const { name, mobile, unitPrice } of customers) {
      const customer = await backend.call(ctx, 'customers.create', { name, mobile, paymentTermsDays: 0 });
      if (!customer.ok) throw new Error(customer.error.message);
      await backend.call(ctx, 'receivables.invoiceServices', { customerId: (customer.data as { id: string }).id, invoiceDate: '2026-01-10', lines: [{ description: '运费', quantity: 1, unitPrice, vatRate: 900 }] });
    }
  } finally {
    backend.close();
  }
  return run;
}

describe('aging', () => {
  it('puts each open invoice in the bucket of its days overdue as of the date', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { name: '杭州顺达五金有限公司', paymentTermsDays: 30 });
    // Due 30 days after each date; as of 2026-06-30 these are 181, 91, 90, 31, 1 and 0 days overdue.
    for (const [date, gross] of [
      ['2025-12-01', 100],
      ['2026-03-01', 200],
      ['2026-03-02', 300],
      ['2026-04-30', 400],
      ['2026-05-30', 500],
      ['2026-05-31', 600],
    ] as const) {
      await anInvoice(world, customerId, gross, date);
    }
    const report = await world.api.ok('receivables.aging', { asOf: '2026-06-30' });
    expect(report.buckets).toEqual(['not_due', '1-30', '31-60', '61-90', '91-180', 'over_180']);
    expect(report.rows).toEqual([
      {
        customer_code: expect.stringMatching(/^C\d{6}$/),
        customer_name: '杭州顺达五金有限公司',
        total: 2_100,
        by_bucket: { not_due: 600, '1-30': 500, '31-60': 400, '61-90': 300, '91-180': 200, over_180: 100 },
      },
    ]);
    expect(report.totals).toEqual({ total: 2_100, by_bucket: { not_due: 600, '1-30': 500, '31-60': 400, '61-90': 300, '91-180': 200, over_180: 100 } });
  });

  it('ignores receipts, allocations and reversals dated after the as-of date', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 10 });
    const invoice = await anInvoice(world, customerId, 50_000, '2026-01-01');
    await aReceipt(world, customerId, 20_000, '2026-02-15', true);
    const wrong = await anInvoice(world, customerId, 7_000, '2026-01-05');
    await world.api.ok('receivables.reverseInvoice', { id: wrong.id, reversedOn: '2026-03-01', reason: '重复开票' });

    const before = await world.api.ok('receivables.aging', { asOf: '2026-02-14' });
    expect(before.rows[0]).toMatchObject({ total: 57_000, by_bucket: { ...zero, '1-30': 7_000, '31-60': 50_000 } });
    const between = await world.api.ok('receivables.aging', { asOf: '2026-02-20' });
    expect(between.rows[0]).toMatchObject({ total: 37_000, by_bucket: { ...zero, '31-60': 37_000 } });
    const after = await world.api.ok('receivables.aging', { asOf: '2026-03-01' });
    expect(after.rows[0]).toMatchObject({ total: 30_000, by_bucket: { ...zero, '31-60': 30_000 } });
    expect(await world.api.ok('receivables.getInvoice', { id: invoice.id })).toMatchObject({ openAmount: 30_000 });
    expect((await world.api.ok('receivables.aging', { asOf: '2025-12-31' })).rows).toEqual([]);
  });

  it('counts the documents cleared after the date, whichever later day each was cleared on', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 10 });
    await anInvoice(world, customerId, 1_000, '2026-01-05');
    await anInvoice(world, customerId, 2_000, '2026-01-10');
    await anInvoice(world, customerId, 4_000, '2026-01-20');
    // Each receipt clears the invoice of its amount: one before the date, two on different days after it.
    await aReceipt(world, customerId, 1_000, '2026-01-31', true);
    await aReceipt(world, customerId, 2_000, '2026-02-10', true);
    await aReceipt(world, customerId, 4_000, '2026-02-20', true);
    const early = await world.api.ok('receivables.aging', { asOf: '2026-02-01' });
    expect(early.rows[0]).toMatchObject({ total: 6_000, by_bucket: { ...zero, '1-30': 6_000 } });
    const middle = await world.api.ok('receivables.aging', { asOf: '2026-02-15' });
    expect(middle.rows[0]).toMatchObject({ total: 4_000, by_bucket: { ...zero, '1-30': 4_000 } });
    expect((await world.api.ok('receivables.aging', { asOf: '2026-02-20' })).rows).toEqual([]);
  });

  it('counts unapplied credit against what is owed, aged from its own date, so a row sums to the balance', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { paymentTermsDays: 30 });
    await anInvoice(world, customerId, 10_000, '2026-01-01');
    await aReceipt(world, customerId, 3_000, '2026-03-10');
    const report = await world.api.ok('receivables.aging', { asOf: '2026-03-20' });
    expect(report.rows[0]).toMatchObject({ total: 7_000, by_bucket: { ...zero, '31-60': 10_000, not_due: 0, '1-30': -3_000 } });
    expect((await world.api.ok('receivables.balance', { customerId })).balance).toBe(7_000);
  });

  it('counts a merged customer\u2019s documents under the surviving customer, bucket by bucket', async () => {
    const world = await aWorld();
    const survivor = await aCustomer(world, { name: '常州新源电气有限公司', paymentTermsDays: 30 });
    const merged = await aCustomer(world, { name: '常州新源电气(旧户)', paymentTermsDays: 30 });
    await anInvoice(world, survivor, 10_000, '2026-01-01');
    await anInvoice(world, merged, 4_000, '2026-01-02');
    await anInvoice(world, merged, 2_500, '2026-03-01');
    await aReceipt(world, merged, 1_000, '2026-03-05');
    // As of 03-10 both January invoices are 37–38 days overdue: one 31-60 cell of the survivor.
    await world.api.ok('customers.merge', { sourceId: merged, targetId: survivor });
    const report = await world.api.ok('receivables.aging', { asOf: '2026-03-10' });
    expect(report.rows).toEqual([
      { customer_code: expect.any(String), customer_name: '常州新源电气有限公司', total: 15_500, by_bucket: { ...zero, not_due: 2_500, '1-30': -1_000, '31-60': 14_000 } },
    ]);
  });

  it('prints exactly the aging report as JSON from the command line', async () => {
    const run = await aBookOnFile([{ name: '苏州恒通建材有限公司', mobile: '13912345678', unitPrice: 12_345 }]);
    const { code, stdout } = await run(['report', 'aging', '--as-of', '2026-02-20', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      as_of: '2026-02-20',
      buckets: ['not_due', '1-30', '31-60', '61-90', '91-180', 'over_180'],
      rows: [{ customer_code: 'C000001', customer_name: '苏州恒通建材有限公司', total: 12_345, by_bucket: { ...zero, '31-60': 12_345 } }],
      totals: { total: 12_345, by_bucket: { ...zero, '31-60': 12_345 } },
    });
    expect((await run(['report', 'aging', '--as-of', '2026-02-30', '--json'])).code).toBe(2);
  });
});

describe('the aging’s order', () => {
  const AS_OF = '2026-06-30';
  /** A customer owing each gross on its invoice date (30 days to pay); customers get their codes in the order they are made. */
  async function owing(world: World, name: string, invoices: [gross: number, date: string][]): Promise<void> {
    const customerId = await aCustomer(world, { name, paymentTermsDays: 30 });
    for (const [gross, date] of invoices) await anInvoice(world, customerId, gross, date);
  }
  const names = (report: AgingReport) => report.rows.map((r) => r.customer_name);
  const codes = (report: AgingReport) => report.rows.map((r) => r.customer_code);
  const NOT_DUE = '2026-06-10';
  const OVER_180 = '2025-12-01';

  it('lists the biggest debtors first, customers owing the same by code', async () => {
    const world = await aWorld();
    await owing(world, '甲记商行', [[1_000, NOT_DUE]]);
    await owing(world, '乙记商行', [[3_000, NOT_DUE]]);
    await owing(world, '丙记商行', [[5_000, NOT_DUE]]);
    await owing(world, '丁记商行', [[3_000, NOT_DUE]]);
    const report = await world.api.ok('receivables.aging', { asOf: AS_OF });
    expect(names(report)).toEqual(['丙记商行', '乙记商行', '丁记商行', '甲记商行']);
    const smallestFirst = await world.api.ok('receivables.aging', { asOf: AS_OF, sort: { field: 'total', dir: 'asc' } });
    // Equal balances stay in code order whichever way the amounts run.
    expect(names(smallestFirst)).toEqual(['甲记商行', '乙记商行', '丁记商行', '丙记商行']);
  });

  it('lists those owing most over 180 days first, whatever else they owe', async () => {
    const world = await aWorld();
    await owing(world, '甲记商行', [[9_000, NOT_DUE]]);
    await owing(world, '乙记商行', [[1_000, OVER_180]]);
    await owing(world, '丙记商行', [[4_000, OVER_180], [500, NOT_DUE]]);
    await owing(world, '丁记商行', [[2_000, NOT_DUE]]);
    const report = await world.api.ok('receivables.aging', { asOf: AS_OF, sort: { field: 'over_180', dir: 'desc' } });
    expect(report.rows.map((r) => [r.customer_name, r.by_bucket['over_180']])).toEqual([
      ['丙记商行', 4_000],
      ['乙记商行', 1_000],
      ['甲记商行', 0],
      ['丁记商行', 0],
    ]);
    const notDue = await world.api.ok('receivables.aging', { asOf: AS_OF, sort: { field: 'not_due', dir: 'desc' } });
    expect(names(notDue)).toEqual(['甲记商行', '丁记商行', '丙记商行', '乙记商行']);
  });

  it('sorts by code either way, and by name in pinyin order', async () => {
    const world = await aWorld();
    for (const name of ['杭州顺达五金有限公司', '北京恒通建材有限公司', '苏州金桥贸易有限公司', '安徽新源电气有限公司']) await owing(world, name, [[1_000, NOT_DUE]]);
    const byCode = await world.api.ok('receivables.aging', { asOf: AS_OF, sort: { field: 'code', dir: 'asc' } });
    expect(names(byCode)).toEqual(['杭州顺达五金有限公司', '北京恒通建材有限公司', '苏州金桥贸易有限公司', '安徽新源电气有限公司']);
    expect(codes(byCode)).toEqual([...codes(byCode)].sort());
    const byCodeDown = await world.api.ok('receivables.aging', { asOf: AS_OF, sort: { field: 'code', dir: 'desc' } });
    expect(codes(byCodeDown)).toEqual([...codes(byCode)].reverse());
    // 安 (an) before 北 (bei), though 北 comes first in Unicode.
    const byName = await world.api.ok('receivables.aging', { asOf: AS_OF, sort: { field: 'name', dir: 'asc' } });
    expect(names(byName)).toEqual(['安徽新源电气有限公司', '北京恒通建材有限公司', '杭州顺达五金有限公司', '苏州金桥贸易有限公司']);
    const byNameDown = await world.api.ok('receivables.aging', { asOf: AS_OF, sort: { field: 'name', dir: 'desc' } });
    expect(names(byNameDown)).toEqual([...names(byName)].reverse());
  });

  it('pages the same customers each time it is read, each customer on exactly one page', async () => {
    const world = await aWorld();
    // Seven customers, five of them owing the same: only the code tells those apart.
    for (const [n, gross] of [2_000, 1_000, 2_000, 2_000, 3_000, 2_000, 2_000].entries()) await owing(world, `客户${n + 1}号`, [[gross, NOT_DUE]]);
    const pagesOf = (report: AgingReport) => [0, 3, 6].map((start) => codes(report).slice(start, start + 3));
    const sort = { field: 'total', dir: 'desc' } as const;
    const first = pagesOf(await world.api.ok('receivables.aging', { asOf: AS_OF, sort }));
    const again = pagesOf(await world.api.ok('receivables.aging', { asOf: AS_OF, sort }));
    expect(again).toEqual(first);
    expect(first.flat().sort()).toEqual([...new Set(first.flat())].sort());
    expect(first.flat()).toHaveLength(7);
    const byCode = codes(await world.api.ok('receivables.aging', { asOf: AS_OF, sort: { field: 'code', dir: 'asc' } }));
    expect(first).toEqual([[byCode[4], byCode[0], byCode[2]], [byCode[3], byCode[5], byCode[6]], [byCode[1]]]);
  });

  it('writes the file in the order the screen asked for', async () => {
    const world = await aWorld();
    await owing(world, '甲记商行', [[9_000, NOT_DUE]]);
    await owing(world, '乙记商行', [[1_000, OVER_180]]);
    await owing(world, '丙记商行', [[4_000, OVER_180]]);
    const sort = { field: 'over_180', dir: 'desc' } as const;
    const report = await world.api.ok('receivables.aging', { asOf: AS_OF, sort });
    const csv = csvLines((await world.api.ok('exports.aging', { asOf: AS_OF, sort, format: 'csv' })).content);
    expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(codes(report));
    expect(names(report)).toEqual(['丙记商行', '乙记商行', '甲记商行']);
    const xlsx = await sheetRows((await world.api.ok('exports.aging', { asOf: AS_OF, format: 'xlsx', language: 'zh-CN' })).content);
    // Without a sort, the file is the screen's first order: the biggest debtor first.
    expect(xlsx.slice(1, -1).map((row) => row[1])).toEqual(['甲记商行', '丙记商行', '乙记商行']);
  });

  it('still lists customers by code from the command line, for the scripts that read it', async () => {
    // The second customer owes more, so the screen lists it first.
    const run = await aBookOnFile([
      { name: '客户13912345678', mobile: '13912345678', unitPrice: 1_000 },
      { name: '客户13912345679', mobile: '13912345679', unitPrice: 9_000 },
    ]);
    const { stdout } = await run(['report', 'aging', '--as-of', '2026-02-20', '--json']);
    expect((JSON.parse(stdout) as AgingReport).rows.map((r) => [r.customer_code, r.total])).toEqual([
      ['C000001', 1_000],
      ['C000002', 9_000],
    ]);
  });
});

describe('aging query plan', () => {
  it('reads what was applied to each document through the allocation indexes, never by walking the ledger', async () => {
    const world = await aWorld();
    const plan = (world.sqlite.prepare(`EXPLAIN QUERY PLAN ${AGING_SQL}`).all(agingParameters('2026-06-30')) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(wholeTableWalks(plan, ['a', 'receivable_allocations'])).toEqual([]);
    for (const index of ['receivable_allocations_invoice', 'receivable_allocations_credit_note', 'receivable_allocations_receipt']) expect(plan).toContain(index);
    expect(wholeTableWalks(plan, ['c', 'customers'])).toEqual([]);
  });

  it('seeks the documents cleared after the date day by day, never reading every one cleared since', async () => {
    const world = await aWorld();
    const plan = (world.sqlite.prepare(`EXPLAIN QUERY PLAN ${AGING_SQL}`).all(agingParameters('2026-06-30')) as { detail: string }[]).map((r) => r.detail);
    const documents = plan.filter((detail) => detail.startsWith('SEARCH o '));
    expect(documents).toEqual(Array(2).fill('SEARCH o USING COVERING INDEX receivable_clearing_open (cleared_on=? AND document_date<?)'));
  });
});
