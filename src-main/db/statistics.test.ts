import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../backend/backend';
import { runDailyJobs } from '../backend/daily-jobs';
import { seedCustomers } from '../domain/customers/customers.seed';
import { csvUpload, lines } from '../domain/imports/imports.test-helpers';
import { seedDemoData } from '../seed/seed';
import { openDatabase, type Sqlite } from './connection';
import { migrate } from './migrate';
import { refreshPlannerStatistics } from './statistics';
import { ownerApi } from './test-db';

const analysed = (sqlite: Sqlite, table: string) => sqlite.prepare('SELECT count(*) FROM sqlite_stat1 WHERE tbl = ?').pluck().get(table) as number;
const hasStatTable = (sqlite: Sqlite) => !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get();

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-stats-')), 'desk-erp.sqlite');
}

/** A file with 600 customers written the way another copy (or an older version) would leave it: no statistics. */
function fileWithoutStatistics(): string {
  const file = tempFile();
  const conn = openDatabase(file);
  migrate(conn.sqlite);
  seedCustomers(conn, { count: 600, seed: 5, asOf: '2026-11-23' });
  expect(hasStatTable(conn.sqlite)).toBe(false);
  conn.close();
  return file;
}

describe('planner statistics (DESIGN §3)', () => {
  it('are gathered when the product opens a file that has none', () => {
    const backend = createBackend({ file: fileWithoutStatistics() });
    expect(analysed(backend.conn.sqlite, 'customers')).toBeGreaterThan(0);
    expect(analysed(backend.conn.sqlite, 'customer_search')).toBeGreaterThan(0);
    backend.close();
  });

  it('are gathered after the demo seeder fills an empty company', async () => {
    const backend = createBackend({ file: tempFile() });
    expect(analysed(backend.conn.sqlite, 'customers')).toBe(0);
    await seedDemoData(backend, { scale: 'small', seed: 2 });
    expect(analysed(backend.conn.sqlite, 'customers')).toBeGreaterThan(0);
    expect(analysed(backend.conn.sqlite, 'leads')).toBeGreaterThan(0);
    backend.close();
  }, 180_000);

  it('are gathered after an import of many rows commits', async () => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    expect(hasStatTable(sqlite) ? analysed(sqlite, 'customers') : 0).toBe(0);
    const rows = Array.from({ length: 40 }, (_, i) => `南京第${i}食品有限公司,139${String(i).padStart(8, '0')}`);
    const result = await api.ok('imports.customers', csvUpload(lines('客户名称,手机', ...rows)));
    expect(result.imported).toBe(40);
    expect(analysed(sqlite, 'customers')).toBeGreaterThan(0);
  });

  it('are refreshed by the daily jobs of a desktop that stays open', async () => {
    const api = await ownerApi();
    const sqlite = api.backend.conn.sqlite;
    seedCustomers(api.backend.conn, { count: 300, seed: 4, asOf: '2026-11-23' });
    expect(hasStatTable(sqlite) ? analysed(sqlite, 'customers') : 0).toBe(0);
    expect(await runDailyJobs(api.backend, new Date('2026-11-23T01:00:00Z'))).toBe(true);
    expect(analysed(sqlite, 'customers')).toBeGreaterThan(0);
  });

  it('are left alone on a read-only connection', () => {
    const file = fileWithoutStatistics();
    const reader = openDatabase(file, { readonly: true });
    expect(refreshPlannerStatistics(reader.sqlite)).toBe(false);
    reader.close();
  });
});
