/** bench/README.md and bench/results.json from one run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUSY_LOAD_PER_CORE, formatTime, type BenchRow, type EarlierRun, type Load, type Timing } from './measure';

export interface SuiteResult {
  name: string;
  /** When the suite ran: a report may carry suites over from an earlier run on the same data. */
  measuredAt: string;
  /** 1-minute load average per core before and after the suite. */
  load: Load;
  /** The process's peak resident set after the suite (it only grows). */
  peakRssMb: number;
  seconds: number;
  rows: BenchRow[];
}

export interface BenchReport {
  writtenAt: string;
  machine: { cpu: string; cores: number; node: string; sqlite: string; platform: string };
  scale: string;
  describes: string;
  dataset: { file: string; sizeMb: number; cacheKey: string; seededThisRun: boolean; seedMs: number | null };
  suites: SuiteResult[];
}

const busy = (load: Load | undefined) => !!load && Math.max(load.before, load.after) > BUSY_LOAD_PER_CORE;
const pair = (t: Timing | undefined, unit: 'µs' | 'ms') => (t ? `${formatTime(t.p50, unit)} / ${formatTime(t.p95, unit)}` : '—');
/** p50 / p95, and the first call when it was slower than the p95 (the cold cost). */
const timed = (t: Timing | undefined, unit: 'µs' | 'ms') => (t?.first !== undefined && t.first > t.p95 ? `${pair(t, unit)} (first ${formatTime(t.first, unit)})` : pair(t, unit));
const ratio = (ours: Timing, base: Timing | undefined) => (base ? `${(ours.p50 / base.p50).toFixed(1)}× / ${(ours.p95 / base.p95).toFixed(1)}×` : '—');

function goalCell(row: BenchRow): string {
  if (row.goal) {
    const timing = row.goal.path === 'http' ? row.http : row.dispatch;
    if (!timing) return `${row.goal.path} p95 < ${row.goal.p95UnderMs} ms: not measured`;
    const met = timing.p95 / 1000 < row.goal.p95UnderMs;
    return `${row.goal.path === 'http' ? 'HTTP' : 'dispatch'} p95 < ${row.goal.p95UnderMs} ms: **${met ? 'met' : 'missed'}**`;
  }
  return row.goalText ?? '';
}

function earlierCell(row: BenchRow): string {
  const before = row.earlier;
  if (!before) return '—';
  const unit = row.unit ?? 'µs';
  const http = before.httpP95 !== undefined ? ` · HTTP ${formatTime(before.httpP95, unit)}` : '';
  return `${formatTime(before.dispatchP95, unit)}${http} (${before.at.slice(5, 16).replace('T', ' ')})`;
}

function rowLine(row: BenchRow): string {
  const unit = row.unit ?? 'µs';
  const raw = row.productSql ?? row.baseline;
  const rawLabel = row.productSql ? '' : row.baselineLabel ? ` (${row.baselineLabel})` : '';
  const best = row.bestSql ? `${pair(row.bestSql, unit)} (${row.bestSqlLabel})` : '—';
  const load = row.load ? `${Math.max(row.load.before, row.load.after).toFixed(2)}${busy(row.load) ? ' ⚠ busy' : ''}` : '—';
  return `| ${row.what} | ${timed(row.dispatch, unit)} | ${timed(row.http, unit)} | ${pair(raw, unit)}${rawLabel} | ${ratio(row.dispatch, raw)} | ${best} | ${goalCell(row)} | ${earlierCell(row)} | ${load} |`;
}

/**
 * A run with `--only` measures some suites again: the others are carried over from the last report
 * when it was written on the same data (same scale, same cache key), each still dated by its own run.
 * Every row measured again is given its figures from the last report at the same scale.
 */
export function withEarlierSuites(dir: string, report: BenchReport, order: readonly string[]): BenchReport {
  const file = path.join(dir, 'results.json');
  if (!fs.existsSync(file)) return report;
  const earlier = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BenchReport>;
  if (earlier.scale !== report.scale) return report;
  // The same row in the last run at this scale (the same seed; perhaps migrated since): how much one run differs from the next.
  const before = new Map<string, EarlierRun>();
  for (const suite of earlier.suites ?? [])
    for (const row of suite.rows) before.set(`${row.area}\u0000${row.what}`, { at: suite.measuredAt ?? earlier.writtenAt ?? '', dispatchP95: row.dispatch.p95, httpP95: row.http?.p95 });
  const remeasured = report.suites.map((s) => ({ ...s, rows: s.rows.map((row) => ({ ...row, earlier: before.get(`${row.area}\u0000${row.what}`) })) }));
  if (earlier.dataset?.cacheKey !== report.dataset.cacheKey) return { ...report, suites: remeasured };
  const fresh = new Set(report.suites.map((s) => s.name));
  const carried = (earlier.suites ?? []).filter((s) => !fresh.has(s.name) && order.includes(s.name)).map((s) => ({ ...s, measuredAt: s.measuredAt ?? earlier.writtenAt ?? '' }));
  const suites = [...remeasured, ...carried].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  // The seeding time belongs to the data: a later run on the same file keeps the figure.
  const dataset = report.dataset.seedMs === null && earlier.dataset.seedMs ? { ...report.dataset, seedMs: earlier.dataset.seedMs } : report.dataset;
  return { ...report, dataset, suites };
}

export function writeReport(dir: string, report: BenchReport): string {
  const flagged = report.suites.flatMap((s) => s.rows).filter((r) => busy(r.load)).length;
  const markdown = `# Benchmarks

Written by \`npm run bench -- --scale ${report.scale}\` on ${report.writtenAt.slice(0, 16).replace('T', ' ')} UTC
(${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}, SQLite ${report.machine.sqlite}).
Data: the product's seeder at scale \`${report.scale}\` (${report.describes}), ${report.dataset.sizeMb.toFixed(0)} MB, cached in
bench/data/ under key \`${report.dataset.cacheKey}\` (seeding code + scale + seed, then the schema the cached file was upgraded to, as a user's book is)${report.dataset.seedMs ? `, seeded in ${(report.dataset.seedMs / 1000).toFixed(1)} s${report.dataset.seededThisRun ? ' in this run' : ''}` : ''}.
The file is opened as the product opens it (\`createBackend\`: its pragmas and \`PRAGMA optimize\`, nothing more).

How to read a row: p50 / p95 over repeated calls. **dispatch** is the call through \`dispatch\` (validation,
permission, the handler); **HTTP** the same call to the headless server over keep-alive loopback, signed in.
**product's SQL** replays the statements the product ran for the call (captured at better-sqlite3, with
their parameters) as prepared statements on the same file; **ratio** is dispatch ÷ that, at p50 / p95.
**best SQL** is the best query we know for the same answer where it is not the product's.
**first** is the very first call, before any warm-up, shown where it was slower than the p95: the pages it read
were not yet cached. **earlier run** is the same row's p95 in the last report at this scale: on this machine
one run can differ from the next by a fifth or more on the large file, so a goal met by a small margin in one run
is not reliably met. Goals are checked here, never as timing assertions in tests.

**Load**: the 1-minute load average per core while the row was measured; over ${BUSY_LOAD_PER_CORE} the machine was busy
(⚠) and the figures are slower and noisier than on a quiet one.${flagged ? ` ${flagged} row(s) here were measured busy.` : ''}

| suite | measured (UTC) | load per core before → after | peak RSS | time |
| --- | --- | --- | --- | --- |
${report.suites.map((s) => `| ${s.name} | ${s.measuredAt.slice(0, 16).replace('T', ' ')} | ${s.load.before.toFixed(2)} → ${s.load.after.toFixed(2)}${busy(s.load) ? ' ⚠ busy' : ''} | ${s.peakRssMb.toFixed(0)} MB | ${s.seconds.toFixed(0)} s |`).join('\n')}

| what | dispatch p50 / p95 | HTTP p50 / p95 | product's SQL p50 / p95 | ratio | best SQL p50 / p95 | goal | earlier run p95 | load |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${report.suites.flatMap((s) => s.rows.map(rowLine)).join('\n')}
`;
  fs.writeFileSync(path.join(dir, 'README.md'), markdown);
  fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  return markdown;
}

export function machine(sqliteVersion: string): BenchReport['machine'] {
  return { cpu: os.cpus()[0]?.model ?? 'unknown CPU', cores: os.cpus().length, node: process.version, sqlite: sqliteVersion, platform: `${os.platform()} ${os.release()}` };
}
