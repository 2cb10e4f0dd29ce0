import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../api/session';
import { createBackend } from '../backend/backend';
import { openDatabase } from '../db/connection';
import { addDays, monthEnd } from '../domain/core/dates';
import { localAdmin } from '../domain/users/local-admin';
import { runCli } from './commands';

async function cli(...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const HLEDGER = ['/usr/bin/hledger', '/usr/local/bin/hledger'].find((p) => fs.existsSync(p));
if (!HLEDGER) {
  if (process.env.CI === 'true') throw new Error('hledger is missing: the voucher journal must be checked by it under CI (apt-get install hledger)');
  console.warn('SKIPPING the hledger check of the voucher journal: hledger is not installed (apt-get install hledger)');
}

/** A deterministic year of receivables: invoices at 13/9/6 %, receipts of every method, partial and over-payments, write-offs, refunds, reversals, closed months. */
async function aYearOfReceivables(db: string): Promise<void> {
  let state = 20260101;
  const random = (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
  const backend = createBackend({ file: db });
  const session: Session = { user: localAdmin(backend.conn) };
  const ok = async (method: string, input: unknown) => {
    const result = await backend.call({ session, transport: 'cli' }, method as never, input as never);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data as { id: string; receipt?: { id: string; unappliedAmount: number } };
  };
  try {
    const names = ['南京博雅食品有限公司', '上海申达贸易有限公司', '杭州新天科技有限公司', '苏州恒通建材有限公司', '无锡: 华东五金店', '合肥  长江物流有限公司'];
    const customers: string[] = [];
    for (const [i, name] of names.entries()) {
      customers.push((await ok('customers.create', { name, mobile: `1391234${String(5000 + i)}`, paymentTermsDays: [0, 30, 60][i % 3], allowDuplicate: true })).id);
    }
    for (let month = 1; month <= 12; month++) {
      const first = `2026-${String(month).padStart(2, '0')}-01`;
      for (const customerId of customers) {
        for (let k = random(3); k > 0; k--) {
          const invoice = await ok('receivables.invoiceServices', {
            customerId,
            invoiceDate: addDays(first, random(20)),
            lines: [
              { description: '货款', quantity: 1 + random(5), unitPrice: 1_000 + random(500_000), vatRate: [1300, 900, 600][random(3)] },
              { description: '运费', quantity: 1, unitPrice: 1 + random(9_999), vatRate: 900 },
            ],
          });
          if (random(10) === 0) await ok('receivables.reverseInvoice', { id: invoice.id, reversedOn: addDays(first, 21), reason: '开错' });
          else if (random(6) === 0) await ok('receivables.writeOff', { invoiceId: invoice.id, amount: 1 + random(99), reason: '抹零', date: addDays(first, 22) });
        }
        if (random(3) > 0) {
          const method = ['bank_transfer', 'cash', 'wechat', 'alipay', 'acceptance_bill'][random(5)]!;
          const receipt = await ok('receivables.createReceipt', {
            customerId,
            receiptDate: addDays(first, 23),
            method,
            amount: 1_000 + random(800_000),
            autoAllocate: true,
            ...(method === 'acceptance_bill' ? { billMaturityDate: addDays(first, 180) } : {}),
          });
          const unapplied = receipt.receipt!.unappliedAmount;
          if (unapplied > 0 && random(3) === 0) await ok('receivables.refund', { receiptId: receipt.receipt!.id, amount: Math.min(unapplied, 1 + random(50_000)), method: 'bank_transfer', date: addDays(first, 24) });
        }
      }
      if (month < 12) await ok('vouchers.closePeriod', { period: first.slice(0, 7) });
    }
  } finally {
    backend.close();
  }
}

describe('vouchers on the command line', () => {
  it.skipIf(!HLEDGER)('exports a year as an hledger journal that hledger checks, and its 1122 balance at year end equals the aging total to the fen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-vouchers-cli-'));
    const db = path.join(dir, 'desk-erp.sqlite');
    expect((await cli('init', '--db', db, '--company', '南京博雅食品有限公司', '--owner', 'boss', '--password', 'secret-123')).code).toBe(0);
    await aYearOfReceivables(db);
    const conn = openDatabase(db);
    const count = (sql: string) => conn.sqlite.prepare(sql).pluck().get() as number;
    try {
      // The year holds every kind of posting the journal must carry.
      expect(count("SELECT count(*) FROM receivable_allocations WHERE kind = 'writeoff'")).toBeGreaterThan(0);
      expect(count("SELECT count(*) FROM receivable_allocations WHERE kind = 'refund'")).toBeGreaterThan(0);
      expect(count("SELECT count(*) FROM invoices WHERE status = 'reversed'")).toBeGreaterThan(0);
      expect(count("SELECT count(*) FROM receipts WHERE method = 'acceptance_bill'")).toBeGreaterThan(0);
    } finally {
      conn.sqlite.close();
    }
    const journal = path.join(dir, 'vouchers.journal');
    const exported = await cli('vouchers', 'export', '--db', db, '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'hledger', '--out', journal);
    expect(exported).toMatchObject({ code: 0 });
    expect(exported.stdout).toMatch(/^Exported \d+ vouchers from 2026-01-01 to 2026-12-31 as hledger/);

    const check = spawnSync(HLEDGER!, ['check', '--strict', '-f', journal], { encoding: 'utf8' });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
    const balance = execFileSync(HLEDGER!, ['balance', '-f', journal, '^1122', '-e', '2027-01-01', '-O', 'csv'], { encoding: 'utf8' });
    const total = balance.trim().split('\n').at(-1)!;
    const fen = Math.round(Number(/"total","CNY (-?[\d.]+)"/.exec(total)![1]) * 100);
    const aging = await cli('report', 'aging', '--db', db, '--as-of', '2026-12-31', '--json');
    expect(fen).toBe((JSON.parse(aging.stdout) as { totals: { total: number } }).totals.total);
    expect(fen).not.toBe(0);
    // Every customer is its own sub-account of 1122, named by code and name.
    expect(fs.readFileSync(journal, 'utf8')).toMatch(/^account 1122 应收账款:C\d+ 无锡： 华东五金店$/m);

    // The same dates again are refused unless confirmed, and the repeat is logged.
    const again = await cli('vouchers', 'export', '--db', db, '--from', '2026-12-01', '--to', monthEnd('2026-12-01'), '--format', 'kingdee', '--out', path.join(dir, 'k.xlsx'));
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/exported 1 time already.*--repeat/);
    const repeated = await cli('vouchers', 'export', '--db', db, '--from', '2026-12-01', '--to', '2026-12-31', '--format', 'kingdee', '--out', path.join(dir, 'k.xlsx'), '--repeat');
    expect(repeated.stdout).toMatch(/Warning: these dates were exported 1 time before/);
    expect(fs.statSync(path.join(dir, 'k.xlsx')).size).toBeGreaterThan(1000);
  }, 120_000);

  it('exports invoices, receipts and allocations with exactly the listed columns, from which every balance is recomputed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-receivables-cli-'));
    const db = path.join(dir, 'desk-erp.sqlite');
    await cli('init', '--db', db, '--company', '南京博雅食品有限公司', '--owner', 'boss', '--password', 'secret-123');
    await aYearOfReceivables(db);
    const files: Record<string, string[][]> = {};
    for (const name of ['invoices', 'receipts', 'allocations']) {
      const out = path.join(dir, `${name}.csv`);
      expect(await cli('export', name, '--db', db, '--format', 'csv', '--out', out)).toMatchObject({ code: 0 });
      files[name] = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
    }
    expect(files.invoices![0]).toEqual(['invoice_no', 'customer_code', 'invoice_date', 'due_date', 'total', 'kind']);
    expect(files.receipts![0]).toEqual(['receipt_no', 'customer_code', 'date', 'amount', 'method']);
    expect(files.allocations![0]).toEqual(['receipt_no', 'invoice_no', 'date', 'amount', 'kind']);

    // invoices − credit notes − receipts − write-offs + refunds, per customer, from the three files alone.
    const fen = (yuan: string) => Math.round(Number(yuan) * 100);
    const owed = new Map<string, number>();
    const add = (customer: string, amount: number) => owed.set(customer, (owed.get(customer) ?? 0) + amount);
    const customerOf = new Map<string, string>();
    for (const [no, customer, , , total, kind] of files.invoices!.slice(1)) {
      customerOf.set(no!, customer!);
      add(customer!, (kind === 'invoice' ? 1 : -1) * fen(total!));
    }
    for (const [no, customer, , amount] of files.receipts!.slice(1)) {
      customerOf.set(no!, customer!);
      add(customer!, -fen(amount!));
    }
    const kinds = new Set<string>();
    for (const [receiptNo, invoiceNo, , amount, kind] of files.allocations!.slice(1)) {
      kinds.add(kind!);
      // A write-off (no receipt) lowers what is owed, a refund (no invoice) raises it; its reversal undoes it.
      if (!receiptNo) add(customerOf.get(invoiceNo!)!, -fen(amount!));
      else if (!invoiceNo) add(customerOf.get(receiptNo)!, fen(amount!));
    }
    expect([...kinds].sort()).toEqual(['allocation', 'refund', 'writeoff']);
    const aging = JSON.parse((await cli('report', 'aging', '--db', db, '--as-of', '2030-01-01', '--json')).stdout) as { rows: { customer_code: string; total: number }[] };
    expect(new Map([...owed].filter(([, v]) => v !== 0))).toEqual(new Map(aging.rows.map((r) => [r.customer_code, r.total])));
  }, 120_000);

  it('refuses a format it does not know and a date that is not one', async () => {
    expect(await cli('vouchers', 'export', '--from', '2026-01-01', '--to', '2026-01-31', '--format', 'sap', '--out', 'x')).toMatchObject({ code: 2 });
    expect((await cli('vouchers', 'export', '--from', '2026-13-01', '--to', '2026-01-31', '--format', 'csv', '--out', 'x')).stderr).toMatch(/--from must be a date/);
  });
});
