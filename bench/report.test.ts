import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withEarlierSuites, writeReport, type BenchReport, type SuiteResult } from './report';

const ORDER = ['platform', 'customers', 'sales'];
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function suite(name: string, measuredAt: string, p50: number): SuiteResult {
  return {
    name,
    measuredAt,
    load: { before: 0.5, after: 0.6 },
    peakRssMb: 200,
    seconds: 10,
    rows: [{ area: name, what: `${name} row`, dispatch: { p50, p95: p50 * 2, runs: 10 }, unit: 'µs', load: { before: 0.5, after: 0.6 } }],
  };
}

function report(suites: SuiteResult[], over: Partial<BenchReport['dataset']> = {}, scale = 'large'): BenchReport {
  return {
    writtenAt: suites[0]?.measuredAt ?? '2026-11-29T10:00:00.000Z',
    machine: { cpu: 'test', cores: 2, node: 'v20', sqlite: '3', platform: 'linux' },
    scale,
    describes: '50,000 customers',
    dataset: { file: 'x.sqlite', sizeMb: 1, cacheKey: 'abc', seededThisRun: false, seedMs: null, ...over },
    suites,
  };
}

describe('a bench run of some suites', () => {
  it('keeps the suites it did not run from the last report on the same data, each dated by its own run', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
    dirs.push(dir);
    writeReport(dir, report([suite('platform', '2026-11-29T10:00:00.000Z', 100), suite('sales', '2026-11-29T10:05:00.000Z', 300)], { seededThisRun: true, seedMs: 360_000 }));
    const merged = withEarlierSuites(dir, report([suite('sales', '2026-11-29T12:00:00.000Z', 250), suite('customers', '2026-11-29T12:01:00.000Z', 50)]), ORDER);
    expect(merged.suites.map((s) => [s.name, s.measuredAt])).toEqual([
      ['platform', '2026-11-29T10:00:00.000Z'],
      ['customers', '2026-11-29T12:01:00.000Z'],
      ['sales', '2026-11-29T12:00:00.000Z'],
    ]);
    expect(merged.suites.find((s) => s.name === 'sales')!.rows[0]!.dispatch.p50).toBe(250);
    expect(merged.dataset.seedMs).toBe(360_000);
    expect(writeReport(dir, merged)).toContain('| platform | 2026-11-29 10:00 |');
  });

  it('carries nothing over from another scale or other data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
    dirs.push(dir);
    writeReport(dir, report([suite('platform', '2026-11-29T10:00:00.000Z', 100)], {}, 'medium'));
    expect(withEarlierSuites(dir, report([suite('sales', '2026-11-29T12:00:00.000Z', 250)]), ORDER).suites.map((s) => s.name)).toEqual(['sales']);
    writeReport(dir, report([suite('platform', '2026-11-29T10:00:00.000Z', 100)], { cacheKey: 'other' }));
    expect(withEarlierSuites(dir, report([suite('sales', '2026-11-29T12:00:00.000Z', 250)]), ORDER).suites.map((s) => s.name)).toEqual(['sales']);
  });
});

describe('a bench row measured again', () => {
  it('shows its p95 from the last report at the same scale beside the new figures, and the first call when it was slower than the p95', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
    dirs.push(dir);
    writeReport(dir, report([suite('sales', '2026-11-29T10:05:00.000Z', 3000)]));
    const again = suite('sales', '2026-11-29T12:00:00.000Z', 2000);
    again.rows[0]!.dispatch.first = 90_000;
    // Migrated since: another cache key, the same scale.
    const merged = withEarlierSuites(dir, report([again], { cacheKey: 'migrated' }), ORDER);
    expect(merged.suites[0]!.rows[0]!.earlier).toEqual({ at: '2026-11-29T10:05:00.000Z', dispatchP95: 6000, httpP95: undefined });
    const markdown = writeReport(dir, merged);
    expect(markdown).toContain('| sales row | 2000.0 µs / 4000.0 µs (first 90000.0 µs) |');
    expect(markdown).toContain('| 6000.0 µs (11-29 10:05) |');
  });

  it('has no earlier figure after a run at another scale, and no first call shown when it was not slower than the p95', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
    dirs.push(dir);
    writeReport(dir, report([suite('sales', '2026-11-29T10:05:00.000Z', 3000)], {}, 'medium'));
    const again = suite('sales', '2026-11-29T12:00:00.000Z', 2000);
    again.rows[0]!.dispatch.first = 3000;
    const merged = withEarlierSuites(dir, report([again]), ORDER);
    expect(merged.suites[0]!.rows[0]!.earlier).toBeUndefined();
    expect(writeReport(dir, merged)).toContain('| sales row | 2000.0 µs / 4000.0 µs | — |');
  });
});
