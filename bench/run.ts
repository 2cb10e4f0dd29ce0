import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchCustomers } from './customers.bench';
import { benchHttp } from './http.bench';
import { benchImport } from './imports.bench';
import { benchPlatform } from './platform.bench';
import { formatTime, type BenchRow } from './measure';

/** `npm run bench`: runs every area's benchmark and writes bench/README.md. `--only platform` runs one. */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const suites: Record<string, () => Promise<BenchRow[]>> = {
  platform: benchPlatform,
  http: benchHttp,
  customers: benchCustomers,
  imports: benchImport,
};

const rows: BenchRow[] = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue;
  process.stdout.write(`bench: ${name}…\n`);
  rows.push(...(await suite()));
}

const lines = rows.map((r) => {
  const unit = r.unit ?? 'µs';
  const overhead = r.baseline ? formatTime(r.ours.p50 - r.baseline.p50, unit) : '—';
  const ratio = r.baseline ? `${(r.ours.p50 / r.baseline.p50).toFixed(2)}×` : '—';
  const baseline = r.baseline ? `${formatTime(r.baseline.p50, unit)} / ${formatTime(r.baseline.p95, unit)} (${r.baselineLabel})` : '—';
  return `| ${r.what} | ${formatTime(r.ours.p50, unit)} / ${formatTime(r.ours.p95, unit)} | ${baseline} | ${overhead} | ${ratio} | ${r.goal ?? ''} |`;
});
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${cpu}, ${os.cpus().length} cores, Node ${process.version}).
Figures are p50 / p95 over repeated runs; a ratio compares Desk ERP's path with the baseline on the same file.
Goals are checked here by eye, never as timing assertions in tests.

| what | Desk ERP p50 / p95 | baseline p50 / p95 | difference at p50 | ratio | goal |
| --- | --- | --- | --- | --- | --- |
${lines.join('\n')}
`;
fs.writeFileSync(path.join(import.meta.dirname, 'README.md'), report);
process.stdout.write(report);
