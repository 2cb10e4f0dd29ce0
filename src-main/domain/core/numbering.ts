/**
 * Human document numbers (C000123, SO-2026-000123, SO-A-2026-000123) from numbering series
 * (DESIGN §3). Each area declares its series as data and passes the definition in; the row in
 * numbering_series is created on first use and holds the counter.
 *
 * Numbers are taken with an UPDATE inside the caller's transaction: the row stays write-locked
 * until it commits, so numbers are gapless within a series, and a rollback gives them back.
 */
import { AppError } from '../../api/errors';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { fieldIssue } from '../../api/issues';

export interface SeriesDefinition {
  /** Stable key of the series: 'customer', 'sales_order'. */
  code: string;
  /** Letters before the number: 'C', 'SO'. */
  prefix: string;
  /** Yearly series carry the year and restart at 1 each year (SO-2026-000001). */
  perYear: boolean;
  /** Digits of the running number, zero-padded. */
  padding: number;
}

export interface IssuedNumbers {
  /** The running numbers first…first + count − 1, formatted. */
  numbers: string[];
  first: number;
}

interface SeriesRow {
  prefix: string;
  per_year: number;
  padding: number;
  year: number | null;
  device_prefix: string;
  next_number: number;
}

/** Per-desktop, not per-company: with sync on, each enrolled desktop numbers under its own prefix. */
const DEVICE_PREFIX_KEY = 'numbering.devicePrefix';

/** The series with this code among those the areas declared; asking for an undeclared one is a bug. */
export function findSeries(definitions: readonly SeriesDefinition[], code: string): SeriesDefinition {
  const found = definitions.find((s) => s.code === code);
  if (!found) throw new Error(`No numbering series '${code}' is declared (known: ${definitions.map((s) => s.code).join(', ') || 'none'})`);
  return found;
}

function assertDefinition(series: SeriesDefinition): void {
  if (!/^[a-z][a-z0-9_]*$/.test(series.code) || !/^[A-Z][A-Z0-9]{0,5}$/.test(series.prefix) || !Number.isInteger(series.padding) || series.padding < 1 || series.padding > 12) {
    throw new Error(`Numbering series ${JSON.stringify(series)} is not a valid definition`);
  }
}

/**
 * Checks the series every area declares, once at start: two series with one code would share a
 * counter, and two with one prefix would issue the same numbers.
 */
export function assertSeriesDistinct(definitions: readonly SeriesDefinition[]): void {
  definitions.forEach(assertDefinition);
  for (const key of ['code', 'prefix'] as const) {
    const twice = definitions.map((s) => s[key]).find((value, i, all) => all.indexOf(value) !== i);
    if (twice !== undefined) throw new Error(`Numbering series ${key} ${twice} is declared twice`);
  }
}

function yearOf(businessDate: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(businessDate)) throw new RangeError(`${businessDate} is not a business date (YYYY-MM-DD)`);
  return Number(businessDate.slice(0, 4));
}

export function devicePrefix(sqlite: Sqlite): string {
  const value = statement(sqlite, 'SELECT value FROM settings WHERE key = ?').pluck().get(DEVICE_PREFIX_KEY) as string | undefined;
  return value === undefined ? '' : (JSON.parse(value) as string);
}

/**
 * Enrols this desktop under its own prefix ('A', 'B2'). Every series then starts a sequence of its
 * own at 1. Once set it cannot change: numbers already issued under it must stay unique.
 */
export function setDevicePrefix(sqlite: Sqlite, prefix: string): void {
  if (!/^[A-Z0-9]{1,4}$/.test(prefix)) {
    throw new AppError('VALIDATION', 'A device prefix is 1–4 capital letters or digits', [fieldIssue('devicePrefix', 'invalid_device_prefix')]);
  }
  const current = devicePrefix(sqlite);
  if (current === prefix) return;
  if (current !== '') {
    throw new AppError('CONFLICT', `This desktop already numbers under prefix ${current}`, [fieldIssue('devicePrefix', 'device_prefix_set', { current })]);
  }
  statement(sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(DEVICE_PREFIX_KEY, JSON.stringify(prefix));
}

function ensureSeries(sqlite: Sqlite, series: SeriesDefinition, device: string): void {
  assertDefinition(series);
  statement(sqlite, 'INSERT INTO numbering_series (code, prefix, per_year, padding, year, next_number, device_prefix) VALUES (?, ?, ?, ?, NULL, 1, ?) ON CONFLICT (code) DO NOTHING').run(series.code, series.prefix, series.perYear ? 1 : 0, series.padding, device);
}

/**
 * A counter restarts at 1 for a new year and for a new device prefix. The year never goes back: a
 * clock set to last year keeps numbering in this year's sequence rather than reissue old numbers.
 */
const MOVE_ON = `
  UPDATE numbering_series
     SET next_number = max(CASE WHEN device_prefix <> @device OR (per_year = 1 AND coalesce(year, 0) < @year) THEN 1 ELSE next_number END + @count, @floor),
         year = CASE WHEN per_year = 1 THEN max(coalesce(year, 0), @year) ELSE year END,
         device_prefix = @device
   WHERE code = @code
  RETURNING prefix, per_year, padding, year, device_prefix, next_number`;

function moveOn(sqlite: Sqlite, series: SeriesDefinition, businessDate: string, count: number, floor: number): SeriesRow {
  const year = yearOf(businessDate);
  const device = devicePrefix(sqlite);
  const parameters = { code: series.code, device, year, count, floor };
  // The row exists after a series' first number: create it only when the UPDATE finds none.
  const moved = statement(sqlite, MOVE_ON).get(parameters) as SeriesRow | undefined;
  if (moved) return moved;
  ensureSeries(sqlite, series, device);
  return statement(sqlite, MOVE_ON).get(parameters) as SeriesRow;
}

function numberText(row: Omit<SeriesRow, 'next_number'>, n: number): string {
  const digits = String(n).padStart(row.padding, '0');
  const middle = [row.device_prefix, row.per_year === 1 ? String(row.year) : ''].filter(Boolean);
  return middle.length ? [row.prefix, ...middle, digits].join('-') : `${row.prefix}${digits}`;
}

/**
 * Takes a contiguous range of numbers in one UPDATE, for imports and seeding. `businessDate` is the
 * company's business date (core/dates businessDateIn), which gives a yearly series its year.
 */
export function allocateNumbers(sqlite: Sqlite, series: SeriesDefinition, count: number, businessDate: string): IssuedNumbers {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Cannot take ${count} numbers`);
  if (count === 0) return { numbers: [], first: 0 };
  const row = moveOn(sqlite, series, businessDate, count, 0);
  const first = row.next_number - count;
  return { first, numbers: Array.from({ length: count }, (_, i) => numberText(row, first + i)) };
}

/** The next number of a series, e.g. when a document is confirmed. */
export function nextNumber(sqlite: Sqlite, series: SeriesDefinition, businessDate: string): string {
  return allocateNumbers(sqlite, series, 1, businessDate).numbers[0]!;
}

/**
 * Moves a series past numbers written outside it (an imported C000120), so the next one issued
 * does not collide. Only numbers in the exact shape the series issues now count.
 */
export function bumpSeriesPast(sqlite: Sqlite, series: SeriesDefinition, taken: Iterable<string>, businessDate: string): void {
  const device = devicePrefix(sqlite);
  ensureSeries(sqlite, series, device);
  const row = statement(sqlite, 'SELECT prefix, per_year, padding, year, device_prefix FROM numbering_series WHERE code = ?').get(series.code) as Omit<SeriesRow, 'next_number'>;
  const shape = { ...row, device_prefix: device, year: row.per_year === 1 ? Math.max(row.year ?? 0, yearOf(businessDate)) : row.year };
  let highest = 0;
  for (const code of taken) {
    const digits = /(\d+)$/.exec(code)?.[1];
    const n = digits ? Number(digits) : 0;
    if (n > highest && Number.isSafeInteger(n) && numberText(shape, n) === code) highest = n;
  }
  if (highest > 0) moveOn(sqlite, series, businessDate, 0, highest + 1);
}

/**
 * Numbers for a bulk writer (the demo seed) issuing many documents of one series in one
 * transaction: taken from the series in blocks (one UPDATE per block instead of per document), and
 * the unused tail handed back by `finish()`. As with nextNumber, the year never goes back; the tail
 * of a finished year is simply left, since the next year's numbers restart at 1.
 */
export function numbersInBlocks(sqlite: Sqlite, series: SeriesDefinition, blockSize = 1000): { next(businessDate: string): string; finish(): void } {
  let block: string[] = [];
  let used = 0;
  let year = 0;
  return {
    next(businessDate) {
      const dateYear = yearOf(businessDate);
      if (used === block.length || dateYear > year) {
        block = allocateNumbers(sqlite, series, blockSize, businessDate).numbers;
        used = 0;
        year = Math.max(year, dateYear);
      }
      return block[used++]!;
    },
    finish() {
      if (used < block.length) statement(sqlite, 'UPDATE numbering_series SET next_number = next_number - ? WHERE code = ?').run(block.length - used, series.code);
      block = [];
      used = 0;
    },
  };
}
