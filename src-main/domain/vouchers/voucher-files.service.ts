/**
 * Exporting the vouchers of a span of dates for the accountant's software, and the log of every
 * export: the same dates exported twice would be imported twice, so a repeat needs confirming.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Sqlite } from '../../db/connection';
import type { HandlerContext } from '../context';
import { movable } from '../core/chunks';
import { counted } from '../core/english';
import { betweenExportBatches, writeExportFile } from '../exports/exports.file';
import { getSettings } from '../settings/settings.service';
import { newId, nowIso } from '../shared/ids';
import type { voucherExportInput } from './vouchers.contract';
import type { Voucher, VoucherExport, VoucherFile, VoucherFormat } from './vouchers.dto';
import { CSV_TABLE, hledgerJournal, KINGDEE_TABLE, YONYOU_TABLE, type VoucherRow } from './vouchers.formats';
import { voucherListBetween, voucherName, voucherPageBetween, type VoucherList } from './vouchers.generate';
import type { VoucherExportsTable } from './vouchers.tables';

const EXTENSION: Record<VoucherFormat, string> = { kingdee: 'xlsx', yonyou: 'xlsx', csv: 'csv', hledger: 'journal' };

/** Vouchers handed to the file writer at a time; between them the export reports progress and can be cancelled. */
const VOUCHERS_PER_BATCH = 2000;

/** Between batches: how many vouchers are written so far, out of how many. */
export type BetweenBatches = (done: number, total: number) => Promise<void>;

/** One row per voucher line, a batch of vouchers at a time. */
async function* rowsOf(vouchers: VoucherList, preparedBy: string, between?: BetweenBatches): AsyncIterable<VoucherRow[]> {
  for (let start = 0; start < vouchers.length; start += VOUCHERS_PER_BATCH) {
    const rows: VoucherRow[] = [];
    const end = Math.min(vouchers.length, start + VOUCHERS_PER_BATCH);
    const batch = vouchers.slice(start, end);
    for (let i = start; i < end; i++) {
      const voucher = batch[i - start]!;
      const head = { voucher, sequence: i + 1, year: Number(voucher.period.slice(0, 4)), month: Number(voucher.period.slice(5, 7)), preparedBy };
      for (const line of voucher.lines) rows.push({ head, line });
    }
    yield rows;
    await between?.(end, vouchers.length);
  }
}

export async function voucherFileBytes(format: VoucherFormat, vouchers: VoucherList, preparedBy: string, timeZone: string, between?: BetweenBatches): Promise<Buffer> {
  if (format === 'hledger') return Buffer.from(hledgerJournal(vouchers.slice(0, vouchers.length)), 'utf8');
  const rows = rowsOf(vouchers, preparedBy, between);
  if (format === 'csv') return (await writeExportFile('csv', CSV_TABLE, rows, { language: null, timeZone })).bytes;
  return (await writeExportFile('xlsx', format === 'kingdee' ? KINGDEE_TABLE : YONYOU_TABLE, rows, { language: 'zh-CN', timeZone })).bytes;
}

function overlappingExports(sqlite: Sqlite, from: string, to: string): { count: number; at: string | null } {
  return sqlite.prepare('SELECT count(*) AS count, max(at) AS at FROM voucher_exports WHERE date_from <= ? AND date_to >= ?').get(to, from) as { count: number; at: string | null };
}

function refuseRepeat(previous: { count: number; at: string | null }, input: z.output<typeof voucherExportInput>): void {
  if (previous.count === 0 || input.repeat) return;
  throw new AppError('CONFLICT', `${input.from} to ${input.to} was exported ${counted(previous.count, 'time')} already, last at ${previous.at}; confirm to export again`, [
    fieldIssue('repeat', 'already_exported', { count: previous.count, at: previous.at }),
  ]);
}

export const VOUCHER_FILE_TASK = 'vouchers.file';

/** What the file needs besides the vouchers: worked out on the thread serving the call. */
interface VoucherFileTask {
  from: string;
  to: string;
  format: VoucherFormat;
  preparedBy: string;
  timeZone: string;
}

/** The file and what its log row records about it. */
interface VoucherFileMade {
  bytes: Uint8Array;
  sha256: string;
  voucherCount: number;
  firstVoucher: string | null;
  lastVoucher: string | null;
}

/**
 * Reads the vouchers of the dates (in one read transaction: one state of the books however long it
 * takes) and writes them as the format's file: on a reader thread when the backend has them
 * (vouchers.area.ts registers it as a task), else in place.
 */
export async function voucherFileOnReader(input: unknown, ctx: HandlerContext): Promise<VoucherFileMade> {
  const task = input as VoucherFileTask;
  const vouchers = ctx.sqlite.transaction(() => voucherListBetween(ctx.sqlite, task.from, task.to))();
  const bytes = movable(await voucherFileBytes(task.format, vouchers, task.preparedBy, task.timeZone, (done, total) => betweenExportBatches(ctx, done, total)));
  const [first] = vouchers.slice(0, 1);
  const [last] = vouchers.slice(vouchers.length - 1, vouchers.length);
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    voucherCount: vouchers.length,
    firstVoucher: first ? `${first.period} ${voucherName(first)}` : null,
    lastVoucher: last ? `${last.period} ${voucherName(last)}` : null,
  };
}

/**
 * A month's export at 500,000 orders takes seconds; it is made off the write connection (and off
 * the thread serving calls when there are readers), so orders, receipts and postings go on while it
 * is written. Only its log row is written, in a transaction of its own at the end, where a repeat
 * that another export of the same dates made meanwhile is refused as before.
 */
export async function exportVouchers(ctx: HandlerContext, input: z.output<typeof voucherExportInput>): Promise<VoucherFile> {
  const { sqlite } = ctx;
  refuseRepeat(overlappingExports(sqlite, input.from, input.to), input);
  const { timeZone } = await getSettings(ctx.db);
  const task: VoucherFileTask = { from: input.from, to: input.to, format: input.format, preparedBy: ctx.user?.displayName ?? '', timeZone };
  const made = ctx.offThread ? await ctx.offThread<VoucherFileMade>(VOUCHER_FILE_TASK, task) : await voucherFileOnReader(task, ctx);
  const id = newId();
  const previous = await ctx.publish!(async () => {
    const seen = overlappingExports(sqlite, input.from, input.to);
    refuseRepeat(seen, input);
    sqlite
      .prepare(
        `INSERT INTO voucher_exports (id, date_from, date_to, format, voucher_count, first_voucher, last_voucher, file_sha256, user_id, username, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.from, input.to, input.format, made.voucherCount, made.firstVoucher, made.lastVoucher, made.sha256, ctx.user?.id ?? null, ctx.user?.username ?? null, nowIso());
    ctx.audit({ entityType: 'voucher_export', entityId: id, fields: { format: { before: null, after: input.format }, vouchers: { before: null, after: made.voucherCount } } });
    return seen.count;
  });
  const span = input.from === input.to ? input.from : `${input.from}_${input.to}`;
  return { fileName: `记账凭证-${input.format}-${span}.${EXTENSION[input.format]}`, content: made.bytes, voucherCount: made.voucherCount, previousExports: previous };
}

function toExport(row: VoucherExportsTable): VoucherExport {
  return {
    id: row.id,
    dateFrom: row.date_from,
    dateTo: row.date_to,
    format: row.format,
    voucherCount: row.voucher_count,
    firstVoucher: row.first_voucher,
    lastVoucher: row.last_voucher,
    fileSha256: row.file_sha256,
    username: row.username,
    at: row.at,
  };
}

export function exportHistory(sqlite: Sqlite, input: { page: number; pageSize: number }): Page<VoucherExport> {
  // Who exported is shown by the name people know them by; the login stays for a user since removed.
  const rows = sqlite
    .prepare('SELECT e.*, coalesce(u.display_name, e.username) AS username FROM voucher_exports e LEFT JOIN users u ON u.id = e.user_id ORDER BY e.at DESC, e.id DESC LIMIT ? OFFSET ?')
    .all(input.pageSize, (input.page - 1) * input.pageSize) as VoucherExportsTable[];
  const total = sqlite.prepare('SELECT count(*) FROM voucher_exports').pluck().get() as number;
  return { rows: rows.map(toExport), total, totalIsExact: true };
}

export function voucherPage(sqlite: Sqlite, input: { from: string; to: string; page: number; pageSize: number }): Page<Voucher> {
  const { vouchers, total } = voucherPageBetween(sqlite, input.from, input.to, (input.page - 1) * input.pageSize, input.pageSize);
  return { rows: vouchers, total, totalIsExact: true };
}
