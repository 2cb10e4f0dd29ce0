import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { openDatabase } from '../db/connection';
import { aCustomer } from '../domain/customers/customers.test-helpers';
import { insertProduct, insertWarehouse, receive } from '../domain/orders/sales.test-helpers';
import { runCli } from './commands';

const ROOT = path.resolve(import.meta.dirname, '../..');

export async function cli(...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/**
 * The command line bundled into one file. Under tsx a child spends about 3 s of CPU transpiling
 * and loading before its first order; bundled, about 1 s, which is what lets 20+ kills fit in a
 * minute. The bundle sits inside node_modules so its packages resolve as the CLI's do. Another
 * entry (a test's child process) is bundled the same way.
 */
export async function bundledCli(entry = 'src-main/cli/main.ts'): Promise<{ file: string; remove(): void }> {
  const cache = path.join(ROOT, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, 'desk-erp-crash-'));
  // Readable by the unprivileged user the read-only test runs it as.
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, 'cli.mjs');
  await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: file, logLevel: 'warning' });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A company with two customers and three products with plenty in stock, closed cleanly (no -wal left). */
export async function aShop(dir: string): Promise<string> {
  const db = path.join(dir, 'desk-erp.sqlite');
  await cli('init', '--db', db, '--company', '南京博雅食品有限公司', '--owner', 'boss', '--password', 'secret-123');
  for (const name of ['上海申达贸易有限公司', '杭州新天科技有限公司']) {
    const created = await cli('call', 'customers.create', '--db', db, '--input', JSON.stringify(aCustomer({ name, shortName: null })), '--json');
    if (created.code !== 0) throw new Error(`Could not create a customer: ${created.stdout}`);
  }
  const conn = openDatabase(db);
  try {
    const warehouse = insertWarehouse(conn.sqlite, 'WH01', true);
    for (const listPrice of [1235, 99, 19_900]) receive(conn.sqlite, insertProduct(conn.sqlite, { listPrice }), warehouse, 1_000_000);
  } finally {
    conn.close();
  }
  return db;
}

/** A copy of a cleanly closed database in a new folder of its own. */
export function copyOf(db: string): string {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-crash-')), path.basename(db));
  fs.copyFileSync(db, copy);
  return copy;
}

export interface CliRun {
  /** Resolves at the first line on stdout (for stress: the first acknowledged order number). */
  firstOrder: Promise<void>;
  /** Lines printed so far on stdout, whole lines only (for stress: order numbers). */
  acknowledged(): string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(): void;
}

/** `stress orders --count N` as its own process, optionally through a wrapper (prlimit, setpriv). */
export function startStress(cliFile: string, db: string, count: number, wrapper: string[] = []): CliRun {
  return runCliProcess(cliFile, ['stress', 'orders', '--count', String(count), '--db', db], wrapper);
}

/** A command of the bundled CLI as its own process; its stdout lines are what it acknowledged. */
export function runCliProcess(cliFile: string, argv: string[], wrapper: string[] = []): CliRun {
  const [command, ...args] = [...wrapper, process.execPath, cliFile, ...argv];
  const child = spawn(command!, args, { env: { ...process.env, DESK_ERP_MIGRATIONS_DIR: path.join(ROOT, 'migrations') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let onFirst: () => void = () => undefined;
  const firstOrder = new Promise<void>((resolve) => (onFirst = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('\n')) onFirst();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    // 'close', not 'exit': every byte the child wrote to its pipes has been read by then.
    child.once('close', (code, signal) => {
      onFirst();
      resolve({ code, signal, stderr });
    }),
  );
  return {
    firstOrder,
    acknowledged: () => stdout.split('\n').slice(0, -1),
    exited,
    kill: () => child.kill('SIGKILL'),
  };
}

export function integrityOf(db: string): string {
  const conn = openDatabase(db);
  try {
    return conn.sqlite.pragma('integrity_check', { simple: true }) as string;
  } finally {
    conn.close();
  }
}

export function orderCount(db: string): number {
  // Not read-only: closing a writer checkpoints and removes the -wal and -shm a reader would leave.
  const conn = openDatabase(db);
  try {
    return conn.sqlite.prepare('SELECT count(*) FROM sales_orders').pluck().get() as number;
  } finally {
    conn.close();
  }
}

/** The order numbers `export orders` writes, read back from its CSV. */
export async function exportedOrderNumbers(db: string): Promise<Set<string>> {
  const out = path.join(path.dirname(db), 'orders.csv');
  const exported = await cli('export', 'orders', '--format', 'csv', '--out', out, '--db', db);
  if (exported.code !== 0) throw new Error(`export orders failed: ${exported.stdout}${exported.stderr}`);
  const [, ...rows] = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  return new Set(rows.map((row) => row.split(',')[0]!));
}

/** Whether a wrapper command works here (prlimit, setpriv need util-linux, setpriv needs CAP_SETUID as root). */
export function wrapperWorks(wrapper: string[]): boolean {
  const probe = spawnSync(wrapper[0]!, [...wrapper.slice(1), process.execPath, '-e', '0'], { stdio: 'ignore' });
  return probe.status === 0;
}
