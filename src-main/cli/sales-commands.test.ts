import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { aCustomer } from '../domain/customers/customers.test-helpers';
import { insertProduct, insertWarehouse, receive } from '../domain/orders/sales.test-helpers';
import { runCli } from './commands';

async function cli(...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** A company with two customers, a warehouse and three products in stock. */
async function aShop(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-sales-cli-'));
  const db = path.join(dir, 'desk-erp.sqlite');
  await cli('init', '--db', db, '--company', '南京博雅食品有限公司', '--owner', 'boss', '--password', 'secret-123');
  for (const name of ['上海申达贸易有限公司', '杭州新天科技有限公司']) {
    const created = await cli('call', 'customers.create', '--db', db, '--input', JSON.stringify(aCustomer({ name, shortName: null })), '--json');
    expect(created.code).toBe(0);
  }
  const conn = openDatabase(db);
  try {
    const warehouse = insertWarehouse(conn.sqlite, 'WH01', true);
    // Prices with odd fen so that rounding shows: 12.35, 0.99 and 199.00 含税.
    for (const listPrice of [1235, 99, 19_900]) receive(conn.sqlite, insertProduct(conn.sqlite, { listPrice }), warehouse, 100);
  } finally {
    conn.sqlite.close();
  }
  return db;
}

function csvRows(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
}

describe('sales on the command line', () => {
  it('stress orders prints each committed order number on its own line, and the exports agree with them', async () => {
    const db = await aShop();

    const stress = await cli('stress', 'orders', '--count', '7', '--db', db);

    expect(stress.code).toBe(0);
    const numbers = stress.stdout.trim().split('\n');
    expect(numbers).toHaveLength(7);
    expect(new Set(numbers).size).toBe(7);
    for (const n of numbers) expect(n).toMatch(/^SO-\d{4}-\d{6}$/);

    const dir = path.dirname(db);
    expect((await cli('export', 'orders', '--format', 'csv', '--out', path.join(dir, 'orders.csv'), '--db', db)).code).toBe(0);
    expect((await cli('export', 'order-lines', '--format', 'csv', '--out', path.join(dir, 'lines.csv'), '--db', db)).code).toBe(0);
    const [orderHeader, ...orders] = csvRows(path.join(dir, 'orders.csv'));
    const [lineHeader, ...lines] = csvRows(path.join(dir, 'lines.csv'));
    expect(orderHeader).toEqual(['order_no', 'customer_code', 'order_date', 'promised_date', 'status', 'currency', 'total']);
    expect(lineHeader).toEqual(['order_no', 'product_code', 'quantity', 'unit_price', 'discount', 'tax_rate', 'line_total']);
    expect(orders.map((o) => o[0]).sort()).toEqual([...numbers].sort());
    for (const order of orders) {
      expect(order[6]).toMatch(/^\d+\.\d{2}$/);
      const lineTotal = lines.filter((l) => l[0] === order[0]).reduce((sum, l) => sum + Math.round(Number(l[6]) * 100), 0);
      expect(lineTotal).toBe(Math.round(Number(order[6]) * 100));
    }
    expect(lines.map((l) => l[3])).toEqual(expect.arrayContaining(['12.35', '0.99', '199.00']));
    const check = await cli('check', '--db', db, '--json');
    expect(check.code).toBe(0);
  });

  it('refuses an unknown export and a count that is not a number', async () => {
    const db = await aShop();
    expect((await cli('export', 'tickets', '--format', 'csv', '--out', 'x.csv', '--db', db)).code).toBe(2);
    expect((await cli('stress', 'orders', '--count', 'many', '--db', db)).code).toBe(2);
  });
});
