/** Timing helpers for `npm run bench`: percentiles in microseconds over repeated runs. */
import os from 'node:os';
import type { Product } from './product';

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
  /**
   * The first call of all, before any warm-up: what a user's first click costs while the pages it
   * reads are not yet in SQLite's or the system's cache. Runs differ most here.
   */
  first?: number;
}

export async function time(runs: number, fn: (i: number) => unknown | Promise<unknown>, warmup = Math.min(50, runs)): Promise<Timing> {
  let first: number | undefined;
  const timed = async (i: number): Promise<number> => {
    const start = process.hrtime.bigint();
    await fn(i);
    const us = Number(process.hrtime.bigint() - start) / 1000;
    first ??= us;
    return us;
  };
  for (let i = 0; i < warmup; i++) await timed(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timed(i));
  return { ...percentiles(samples), first };
}

/** p50 and p95 of samples timed by hand (microseconds). */
export function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), runs: sorted.length };
}

/** A goal checked in the report (never as a timing assertion in tests): p95 of one path under a bound. */
export interface Goal {
  path: 'dispatch' | 'http';
  p95UnderMs: number;
}

/** The 1-minute load average per core before and after a measurement. */
export interface Load {
  before: number;
  after: number;
}

export interface BenchRow {
  area: string;
  what: string;
  /** Desk ERP through dispatch (or the product path: the seeder, an import). */
  dispatch: Timing;
  /** The same call over HTTP to the headless server (keep-alive, signed in): the screens. */
  http?: Timing;
  /** The SQL the product ran for that call, captured from the connection and run as prepared statements on the same file. */
  productSql?: Timing;
  /** The best query we know for the same answer, where it is not the product's. */
  bestSql?: Timing;
  bestSqlLabel?: string;
  /** Any other baseline (the service called directly, raw inserts). */
  baseline?: Timing;
  baselineLabel?: string;
  goal?: Goal;
  /** A goal checked by eye (an overhead at p50, a total time). */
  goalText?: string;
  unit?: 'µs' | 'ms';
  /** Filled in by `measured`: the load while this row was measured. */
  load?: Load;
  /** Filled in from the last report on the same data: the same row then, to show how runs differ. */
  earlier?: EarlierRun;
}

export interface EarlierRun {
  at: string;
  dispatchP95: number;
  httpP95?: number;
}

export function loadPerCore(): number {
  return os.loadavg()[0]! / os.cpus().length;
}

/** Over this the machine was busy: figures measured then are flagged in the report. */
export const BUSY_LOAD_PER_CORE = 1.5;

/** Runs `measure` and records the load around it in the row it returns. */
export async function measured(measure: () => Promise<BenchRow>): Promise<BenchRow> {
  const before = loadPerCore();
  const row = await measure();
  return { ...row, load: { before, after: loadPerCore() } };
}

export function formatTime(us: number, unit: 'µs' | 'ms' = 'µs'): string {
  return unit === 'ms' ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`;
}

/** What a suite gets from `run.ts`. */
export interface BenchContext {
  scale: string;
  /** Repetitions of each timed operation. */
  runs: number;
  /** The product opened on this run's copy of the seeded file; opened once and shared by the suites. */
  product(): Promise<Product>;
}

/** One entry of the registry in run.ts: a name and the rows it measures. */
export interface Suite {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
