/** Timing helpers for `npm run bench`: percentiles in microseconds over repeated runs. */
export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export async function time(runs: number, fn: (i: number) => unknown | Promise<unknown>, warmup = Math.min(50, runs)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95), runs };
}

export interface BenchRow {
  area: string;
  what: string;
  /** Desk ERP through dispatch (or the product path). */
  ours: Timing;
  /** The baseline it is compared with: raw SQL or the bare service call. */
  baseline?: Timing;
  baselineLabel?: string;
  goal?: string;
  unit?: 'µs' | 'ms';
}

export function formatTime(us: number, unit: 'µs' | 'ms' = 'µs'): string {
  return unit === 'ms' ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`;
}
