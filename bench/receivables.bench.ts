/**
 * Receivables beyond the aging (in sales.bench.ts): the reconciliation (对账) of the customer with
 * the most documents over the seeded year, beside a hand-written running balance; and a month's
 * vouchers exported to Kingdee XLSX through dispatch, beside generating the same file directly; and
 * the month's vouchers paged on screen, first after a change and then page after page.
 */
import type { Sqlite } from '../src-main/db/connection';
import { addDays, monthEnd, monthStart } from '../src-main/domain/core/dates';
import { voucherFileBytes } from '../src-main/domain/vouchers/voucher-files.service';
import { voucherListBetween } from '../src-main/domain/vouchers/vouchers.generate';
import { measured, percentiles, time, type BenchContext, type BenchRow } from './measure';
import { measureScreen } from './screens';

/** A month's export writes a file of thousands of rows: a few runs. */
const EXPORT_RUNS = 5;
/** How far into an export the posting beside it is made: past the month's read, while rows are written. */
const EXPORT_HEAD_START_MS = 700;

/** The running balance alone, by hand: no numbers, no allocations listed, no open items beside it. */
const RUNNING_BALANCE_SQL = `
WITH e AS (
  SELECT invoice_date AS d, CASE kind WHEN 'invoice' THEN total_gross ELSE -total_gross END AS change FROM invoices WHERE customer_id = @id
  UNION ALL SELECT reversed_on, CASE kind WHEN 'invoice' THEN -total_gross ELSE total_gross END FROM invoices WHERE customer_id = @id AND reversed_on IS NOT NULL
  UNION ALL SELECT receipt_date, -amount FROM receipts WHERE customer_id = @id
  UNION ALL SELECT reversed_on, amount FROM receipts WHERE customer_id = @id AND reversed_on IS NOT NULL
  UNION ALL SELECT allocation_date, CASE kind WHEN 'writeoff' THEN -amount WHEN 'refund' THEN amount ELSE 0 END FROM receivable_allocations WHERE customer_id = @id
)
SELECT d, change, sum(change) OVER (ORDER BY d ROWS UNBOUNDED PRECEDING) AS balance FROM e WHERE d <= @to ORDER BY d`;

/** The connection after a change of its own: a voucher read on it then reads the month afresh. */
function touched(sqlite: Sqlite): Sqlite {
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS bench_touch (at INTEGER); INSERT INTO bench_touch VALUES (1)');
  return sqlite;
}

export async function benchReceivables(ctx: BenchContext): Promise<BenchRow[]> {
  const product = await ctx.product();
  const sqlite = product.backend.conn.sqlite;
  const lastInvoice = sqlite.prepare('SELECT max(invoice_date) FROM invoices').pluck().get() as string | null;
  if (!lastInvoice) throw new Error('The seeded file has no invoices to reconcile');
  const busiest = sqlite
    .prepare(
      `SELECT customer_id, count(*) AS documents FROM (
         SELECT customer_id FROM invoices UNION ALL SELECT customer_id FROM receipts UNION ALL SELECT customer_id FROM receivable_allocations)
        GROUP BY customer_id ORDER BY documents DESC LIMIT 1`,
    )
    .get() as { customer_id: string; documents: number };
  const from = `${lastInvoice.slice(0, 4)}-01-01`;
  const runningBalance = sqlite.prepare(RUNNING_BALANCE_SQL);
  const rows: BenchRow[] = [
    await measureScreen(ctx, {
      area: 'receivables',
      what: `\`receivables.reconciliation\` of the customer with the most documents (${busiest.documents.toLocaleString('en')} documents and allocation rows), ${from} to ${lastInvoice}`,
      calls: () => [['receivables.reconciliation', { customerId: busiest.customer_id, from, to: lastInvoice }]],
      samples: 1,
      overHttp: true,
      best: { label: 'the running balance alone, hand SQL with a window sum', run: () => runningBalance.all({ id: busiest.customer_id, to: lastInvoice }) },
      goal: { path: 'http', p95UnderMs: 50 },
    }),
  ];

  // The last whole month: the month of the last invoice may have begun a day ago (a book seeded on the 1st).
  const lastWholeMonth = monthStart(addDays(monthStart(lastInvoice), -1));
  const month = { from: lastWholeMonth, to: monthEnd(lastWholeMonth) };
  const count = voucherListBetween(sqlite, month.from, month.to).length;
  rows.push(
    await measured(async () => ({
      area: 'vouchers',
      what: `\`vouchers.export\` of ${month.from.slice(0, 7)} to Kingdee XLSX (${count.toLocaleString('en')} vouchers, logged)`,
      dispatch: await time(EXPORT_RUNS, () => product.call('vouchers.export', { ...month, format: 'kingdee', repeat: true }), 1),
      // Each run changes something first, as each export's own log row does, so the month is read afresh too.
      baseline: await time(EXPORT_RUNS, () => voucherFileBytes('kingdee', voucherListBetween(touched(sqlite), month.from, month.to), 'bench', 'Asia/Shanghai'), 1),
      baselineLabel: 'the same vouchers generated and written to XLSX directly (no dispatch, no log)',
      goalText: 'under 2 s',
      unit: 'ms',
    })),
  );
  rows.push(
    await measured(async () => {
      // What the others see meanwhile: a posting made while the accountant's export is being written.
      const waits: number[] = [];
      for (let i = 0; i < EXPORT_RUNS; i++) {
        const exporting = product.call('vouchers.export', { ...month, format: 'kingdee', repeat: true });
        await new Promise((resolve) => setTimeout(resolve, EXPORT_HEAD_START_MS));
        const start = process.hrtime.bigint();
        await product.call('settings.update', { companyName: `基准测试公司${i % 3}` });
        waits.push(Number(process.hrtime.bigint() - start) / 1000);
        await exporting;
      }
      return {
        area: 'vouchers',
        what: `a settings save (transaction + audit row) made ${EXPORT_HEAD_START_MS} ms into a month's \`vouchers.export\`: how long it takes, waiting included (the export holds no transaction while it writes the file)`,
        dispatch: percentiles(waits),
        goalText: 'not the export\'s seconds',
        unit: 'ms',
      };
    }),
  );
  const voucherPage = (page: number) => ({ ...month, page, pageSize: 50 });
  rows.push(
    await measured(async () => ({
      area: 'vouchers',
      what: `\`vouchers.list\` first page of ${month.from.slice(0, 7)} (50 of ${count.toLocaleString('en')} vouchers) just after a change was committed: the month read and numbered afresh (the change, a settings save, timed too)`,
      dispatch: await time(EXPORT_RUNS, async (i) => {
        await product.call('settings.update', { companyName: `基准测试公司${i % 3}` });
        await product.call('vouchers.list', voucherPage(1));
      }, 0),
      goalText: 'a second or two, once per change (was: every page)',
      unit: 'ms',
    })),
    await measureScreen(ctx, {
      area: 'vouchers',
      what: `\`vouchers.list\` pages 2–21 of ${month.from.slice(0, 7)}, nothing committed meanwhile (the month's numbering reused)`,
      calls: (k) => [['vouchers.list', voucherPage(k + 2)]],
      samples: 20,
      overHttp: true,
      goal: { path: 'http', p95UnderMs: 10 },
    }),
  );
  return rows;
}
