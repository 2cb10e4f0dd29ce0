import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type RunningBackend } from '../backend/backend';
import { startDailyJobs } from '../backend/daily-jobs';
import type { OutputOf } from '../api/contract';
import { buildRegistry } from '../backend/registry';
import { AREAS } from '../domain/areas';
import { isFileAnswer, type Result } from '../api/result';
import type { Session } from '../api/session';
import { openDatabase } from '../db/connection';
import { storageFailure } from '../db/storage-errors';
import { appliedVersions, loadMigrations, migrate, NewerDatabaseError } from '../db/migrate';
import { backupInto } from '../domain/backup/backup.service';
import { counted } from '../domain/core/english';
import { restoreDatabaseFile } from '../backend/restore';
import { localAdmin } from '../domain/users/local-admin';
import { startServer } from '../server/http';
import { seedDemoData, SEED_SCALES, type SeedScale } from '../seed/seed';
import { parseArgs, requireFlag, stringFlag, UsageError, writeOut, type ParsedArgs } from './args';
import { printToPdf } from './print';
import { stressCommand } from './sales-commands';
import { reportCommand } from './report';
import { vouchersCommand } from './voucher-commands';

export interface Output {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const DEFAULT_DB = 'data/desk-erp.sqlite';
const DEFAULT_PORT = 5180;

const USAGE = `Desk ERP command line. Every command takes --db PATH (default $DESK_ERP_DB or ${DEFAULT_DB}); --json prints pure JSON.

  init --company NAME --owner USER --password PW [--currency CNY] [--timezone Asia/Shanghai]
  migrate
  methods [--json]
  call METHOD [--input JSON] [--out FILE]   a method that answers a file writes it to FILE (else its bytes print as contentBase64)
  serve [--port N]
  seed --scale small|medium|large [--seed N] [--force]   demo data into a new file; --force adds it to a book that has a company
  check
  backup --out FILE
  restore FILE
  import customers FILE [--dry-run] [--strict] [--skip-existing] [--json]   CSV (UTF-8 or GBK) or XLSX; row = line in the file;
                                        --skip-existing leaves rows that are customers on file (same credit code or name)
  export customers|orders|order-lines|stock|stock-moves|invoices|receipts|allocations --format csv|xlsx --out FILE [--q TEXT]
      orders: money in yuan, total = sum of line_total; stock: product_code, warehouse_code, on_hand, reserved, available, avg_cost
  stress orders --count N   places N orders, one transaction each, printing each order number once committed
  print KIND NUMBER --out FILE.pdf [--lang zh-CN|en|zh-TW]      e.g. print order SO-2026-000001; Chromium at $CHROMIUM_PATH or /usr/bin/chromium
  report aging --as-of YYYY-MM-DD [--json]                     receivables by days overdue; --json amounts in fen
  vouchers export --from DATE --to DATE --format kingdee|yonyou|csv|hledger --out FILE [--repeat]
      记账凭证 for the accountant's software; every export is logged, dates exported before need --repeat
`;

/** Runs one command; returns the exit code, or null for a long-running command (serve). */
export async function runCli(argv: string[], out: Output): Promise<number | null> {
  const args = parseArgs(argv);
  const [command, ...rest] = args.positionals;
  const json = args.flags.json === true;
  const dbFile = stringFlag(args, 'db') ?? process.env.DESK_ERP_DB ?? DEFAULT_DB;
  const print = (human: string, data: unknown) => out.stdout.write(json ? `${JSON.stringify(data)}\n` : `${human}\n`);
  try {
    switch (command) {
      case 'init':
        return await init(dbFile, args, print);
      case 'migrate':
        return migrateCommand(dbFile, print);
      case 'methods':
        return methods(print);
      case 'call':
        return await call(dbFile, rest[0], args, out);
      case 'serve':
        await serve(dbFile, args, out);
        return null;
      case 'seed':
        return await seed(dbFile, args, print);
      case 'check':
        return check(dbFile, print);
      case 'backup':
        return await backup(dbFile, args, print);
      case 'restore':
        return await restore(dbFile, rest[0], print);
      case 'import':
        return await importCommand(dbFile, rest, args, print);
      case 'export':
        return await exportCommand(dbFile, rest, args, print);
      case 'print':
        return await printCommand(dbFile, rest, args, print);
      case 'stress':
        return await stressCommand(dbFile, rest, args, out.stdout, out.stderr);
      case 'report':
        return await reportCommand(dbFile, rest, args, out);
      case 'vouchers':
        return await vouchersCommand(dbFile, rest, args, print);
      case undefined:
      case 'help':
        out.stdout.write(USAGE);
        return command ? 0 : 1;
      default:
        throw new UsageError(`Unknown command ${command}`);
    }
  } catch (error) {
    // A write refused outside any method (creating or migrating the file) is worded as dispatch words one.
    const message = storageFailure(error, dbFile)?.message ?? (error instanceof Error ? error.message : String(error));
    if (json) out.stdout.write(`${JSON.stringify({ ok: false, error: { code: error instanceof UsageError ? 'USAGE' : 'ERROR', message } })}\n`);
    else out.stderr.write(`${message}\n${error instanceof UsageError ? `\n${USAGE}` : ''}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

type Print = (human: string, data: unknown) => void;

function adminSession(backend: RunningBackend): Session {
  return { user: localAdmin(backend.conn) };
}

async function init(dbFile: string, args: ParsedArgs, print: Print): Promise<number> {
  const backend = createBackend({ file: dbFile });
  try {
    const session: Session = { user: null };
    const result = await backend.call({ session, transport: 'cli' }, 'auth.setup', {
      companyName: requireFlag(args, 'company'),
      ownerUsername: requireFlag(args, 'owner'),
      ownerDisplayName: stringFlag(args, 'owner-name') ?? requireFlag(args, 'owner'),
      password: requireFlag(args, 'password'),
      currency: stringFlag(args, 'currency') ?? 'CNY',
      timeZone: stringFlag(args, 'timezone') ?? 'Asia/Shanghai',
    });
    if (!result.ok) {
      print(`Could not set up ${dbFile}: ${result.error.message}`, result);
      return 1;
    }
    print(`Created ${path.resolve(dbFile)} for ${stringFlag(args, 'company')}; sign in as ${stringFlag(args, 'owner')}.`, {
      ok: true,
      data: { file: path.resolve(dbFile), owner: result.data },
    });
    return 0;
  } finally {
    backend.close();
  }
}

function migrateCommand(dbFile: string, print: Print): number {
  const conn = openDatabase(dbFile);
  try {
    const from = appliedVersions(conn.sqlite).length;
    const report = migrate(conn.sqlite, { backupPath: from > 0 ? `${dbFile}.before-migrate` : null });
    const human = report.applied.length
      ? `Migrated ${dbFile} from schema ${report.from} to ${report.to}: ${report.applied.join(', ')}${report.backup ? ` (backup: ${report.backup})` : ''}`
      : `${dbFile} is up to date (schema ${report.to} of ${loadMigrations().length}).`;
    print(human, { ok: true, data: report });
    return 0;
  } catch (error) {
    if (error instanceof NewerDatabaseError) throw error;
    throw error;
  } finally {
    conn.sqlite.close();
  }
}

function methods(print: Print): number {
  const { contract } = buildRegistry(AREAS, { file: ':memory:', jobs: new Map() });
  const list = Object.entries(contract).map(([name, spec]) => ({ name, permission: spec.permission, mutates: spec.mutates }));
  print(list.map((m) => `${m.name.padEnd(32)} ${m.permission.padEnd(20)} ${m.mutates ? 'writes' : 'reads'}`).join('\n'), list);
  return 0;
}

/** A file answer as the command line shows it: written to `out` (its path shown instead), or its bytes as base64. */
function printable(result: Result<unknown>, out: string | undefined): Result<unknown> {
  if (!result.ok || !isFileAnswer(result.data)) return result;
  const { content, ...rest } = result.data;
  if (out === undefined) return { ok: true, data: { ...rest, contentBase64: Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('base64') } };
  return { ok: true, data: { ...rest, file: writeOut(out, content) } };
}

async function call(dbFile: string, method: string | undefined, args: ParsedArgs, out: Output): Promise<number> {
  if (!method) throw new UsageError('call needs a METHOD, e.g. call customers.list --input \'{"q":"博雅"}\'');
  let input: unknown = {};
  const raw = stringFlag(args, 'input');
  if (raw !== undefined) {
    try {
      input = JSON.parse(raw);
    } catch {
      throw new UsageError(`--input is not valid JSON: ${raw}`);
    }
  }
  const backend = createBackend({ file: dbFile });
  try {
    const result = await backend.call({ session: adminSession(backend), transport: 'cli' }, method, input);
    out.stdout.write(`${JSON.stringify(printable(result, stringFlag(args, 'out')), null, args.flags.json === true ? undefined : 2)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    backend.close();
  }
}

async function serve(dbFile: string, args: ParsedArgs, out: Output): Promise<void> {
  const portFlag = stringFlag(args, 'port') ?? process.env.PORT;
  const port = portFlag === undefined ? DEFAULT_PORT : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not ${portFlag}`);
  // One reader thread: screens answer from it while an import holds the write connection. The
  // checkpointer keeps copying the WAL out of the commits (one-shot commands keep autocheckpoint).
  const backend = createBackend({ file: dbFile, readers: 1, checkpointer: true });
  const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const server = await startServer({ backend, rendererDir, port }).catch((error: NodeJS.ErrnoException) => {
    backend.close();
    if (error.code === 'EADDRINUSE') throw new Error(`Port ${port} is already in use; pass --port N to pick another.`);
    throw error;
  });
  out.stdout.write(`Desk ERP is running at ${server.url} (data: ${path.resolve(dbFile)}). Press Ctrl+C to stop.\n`);
  const stopDailyJobs = startDailyJobs(backend);
  const stop = () => {
    stopDailyJobs();
    void server.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function seed(dbFile: string, args: ParsedArgs, print: Print): Promise<number> {
  const scale = requireFlag(args, 'scale');
  if (!(SEED_SCALES as readonly string[]).includes(scale)) throw new UsageError(`--scale must be one of ${SEED_SCALES.join(', ')}`);
  const seedValue = Number(stringFlag(args, 'seed') ?? '1');
  if (!Number.isInteger(seedValue)) throw new UsageError('--seed must be an integer');
  const backend = createBackend({ file: dbFile });
  try {
    // Progress goes to stderr, so --json output stays one document.
    const onStep = (step: string, count: number, ms: number) => process.stderr.write(`  ${step}${count ? ` ${count}` : ''} in ${(ms / 1000).toFixed(1)} s\n`);
    const summary = await seedDemoData(backend, { scale: scale as SeedScale, seed: seedValue, force: args.flags.force === true, onStep });
    print(`Seeded ${dbFile} (${scale}, seed ${seedValue}): ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(', ')}`, { ok: true, data: summary });
    return 0;
  } finally {
    backend.close();
  }
}

function check(dbFile: string, print: Print): number {
  if (!fs.existsSync(dbFile)) throw new Error(`No database at ${dbFile}`);
  const backend = createBackend({ file: dbFile });
  try {
    // Each rule's line goes to stderr as it ends: on a large book the whole check takes minutes.
    const results = backend.checkInvariants((r) => process.stderr.write(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${(r.milliseconds / 1000).toFixed(1)} s)\n`));
    const failed = results.filter((r) => !r.ok);
    const human = results.map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.differences.map((d) => `\n     ${d}`).join('')}`).join('\n');
    print(human, { ok: failed.length === 0, data: results });
    return failed.length === 0 ? 0 : 1;
  } finally {
    backend.close();
  }
}

/** For the local administrator: any path, but never over an existing file or into the live database. */
async function backup(dbFile: string, args: ParsedArgs, print: Print): Promise<number> {
  if (!fs.existsSync(dbFile)) throw new Error(`No database at ${dbFile}`);
  const out = path.resolve(requireFlag(args, 'out'));
  const conn = openDatabase(dbFile, { readonly: true });
  try {
    const bytes = await backupInto(conn.sqlite, out, dbFile);
    print(`Backed up ${dbFile} to ${out} (${bytes} bytes).`, { ok: true, data: { file: out, bytes } });
    return 0;
  } finally {
    conn.close();
  }
}

/** `import customers FILE`: the same dispatch as the import screen; exit 1 on an unreadable file or, in strict mode, any row error. */
async function importCommand(dbFile: string, rest: string[], args: ParsedArgs, print: Print): Promise<number> {
  const [what, file] = rest;
  if (what !== 'customers' || !file) throw new UsageError('import needs: import customers FILE [--dry-run] [--strict] [--skip-existing]');
  if (!fs.existsSync(file)) throw new Error(`No file at ${file}`);
  const input = {
    fileName: path.basename(file),
    contentBase64: fs.readFileSync(file).toString('base64'),
    strict: args.flags.strict === true,
    onDuplicate: args.flags['skip-existing'] === true ? ('skip' as const) : ('update' as const),
  };
  const backend = createBackend({ file: dbFile });
  try {
    const method = args.flags['dry-run'] === true ? 'imports.previewCustomers' : 'imports.customers';
    const result = await backend.call({ session: adminSession(backend), transport: 'cli' }, method, input);
    if (!result.ok) {
      print(`Could not import ${file}: ${result.error.message}`, result);
      return 1;
    }
    const data = result.data as OutputOf<'imports.customers'>;
    const summary = {
      imported: data.imported,
      updated: data.updated,
      unchanged: data.unchanged,
      skipped: data.skipped,
      sameAsOnFile: data.sameAsOnFile.map(({ row, reason, customer, action }) => ({ row, reason, customer_code: customer.code, action })),
      errors: data.errors.map(({ row, field, message }) => ({ row, field, message })),
    };
    const verb = method === 'imports.customers' ? 'Imported' : 'Dry run: would import';
    const human = [
      `${verb} customers from ${file}: ${summary.imported} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${counted(summary.skipped, 'row')} skipped.`,
      ...(summary.sameAsOnFile.some((r) => r.action === 'skip') ? [summary.sameAsOnFile.length === 1 ? '  1 row is a customer on file, left as it is.' : `  ${summary.sameAsOnFile.length} rows are customers on file, left as they are.`] : []),
      ...summary.errors.map((e) => `  line ${e.row}${e.field ? ` ${e.field}` : ''}: ${e.message}`),
    ].join('\n');
    print(human, summary);
    return input.strict && summary.errors.length > 0 ? 1 : 0;
  } finally {
    backend.close();
  }
}

/** What `export TABLE` can write, and the method that writes it. */
const EXPORTS = {
  customers: 'exports.customers',
  orders: 'exports.orders',
  'order-lines': 'exports.orderLines',
  stock: 'exports.stock',
  'stock-moves': 'exports.stockMoves',
  invoices: 'exports.postedInvoices',
  receipts: 'exports.receipts',
  allocations: 'exports.allocations',
} as const;

/** `export customers|orders|order-lines|stock|stock-moves|invoices|receipts|allocations --format csv|xlsx --out FILE`: every row the list query (--q) matches. */
async function exportCommand(dbFile: string, rest: string[], args: ParsedArgs, print: Print): Promise<number> {
  const table = rest[0] as keyof typeof EXPORTS | undefined;
  if (!table || !Object.hasOwn(EXPORTS, table)) throw new UsageError(`export needs: export ${Object.keys(EXPORTS).join('|')} --format csv|xlsx --out FILE`);
  const format = stringFlag(args, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format must be csv or xlsx');
  const out = requireFlag(args, 'out');
  const q = stringFlag(args, 'q');
  if (q && !['customers', 'orders', 'order-lines', 'stock'].includes(table)) throw new UsageError(`--q filters customers, orders and stock, not ${table}`);
  const backend = createBackend({ file: dbFile });
  try {
    const result = await backend.call({ session: adminSession(backend), transport: 'cli' }, EXPORTS[table], { format, ...(q ? { q } : {}) });
    if (!result.ok) {
      print(`Could not export: ${result.error.message}`, result);
      return 1;
    }
    const data = result.data as OutputOf<'exports.customers'>;
    const file = writeOut(out, data.content);
    print(`Exported ${counted(data.rows, 'row')} of ${table} to ${file}.`, { ok: true, data: { file, rows: data.rows } });
    return 0;
  } finally {
    backend.close();
  }
}

/** Replaces the database with a Desk ERP backup, refused while anything has the database open; the current file is kept beside it. */
async function restore(dbFile: string, source: string | undefined, print: Print): Promise<number> {
  if (!source) throw new UsageError('restore needs the backup FILE');
  if (!fs.existsSync(source)) throw new Error(`No backup file at ${source}`);
  const report = await restoreDatabaseFile(path.resolve(dbFile), path.resolve(source));
  print(`Restored ${dbFile} from ${source}${report.previous ? `; the previous data is kept in ${report.previous}` : ''}.`, {
    ok: true,
    data: { file: path.resolve(dbFile), previous: report.previous },
  });
  return 0;
}

async function printCommand(dbFile: string, rest: string[], args: ParsedArgs, print: Print): Promise<number> {
  const [kind, ref] = rest;
  if (!kind || !ref) throw new UsageError('print needs a KIND and a NUMBER, e.g. print order SO-2026-000001 --out order.pdf');
  const out = requireFlag(args, 'out');
  const backend = createBackend({ file: dbFile });
  try {
    const printed = await printToPdf(backend, adminSession(backend), { kind, ref, out, language: stringFlag(args, 'lang') ?? 'zh-CN' });
    print(`Wrote ${printed.file}: ${printed.kind} ${printed.number ?? ref}, ${counted(printed.pages, 'page')}.`, { ok: true, data: printed });
    return 0;
  } finally {
    backend.close();
  }
}
