import type { InvariantCheck } from '../checks/invariants';

/** Imported codes (C000120) must not collide with the numbers the series will issue next. */
export const customerSeriesAhead: InvariantCheck = {
  name: 'customer numbers are behind their series',
  run(sqlite) {
    const series = sqlite.prepare("SELECT prefix, next_number FROM numbering_series WHERE code = 'customer'").get() as
      | { prefix: string; next_number: number }
      | undefined;
    if (!series) return [];
    const highest = sqlite
      .prepare(`SELECT max(CAST(substr(code, ?) AS INTEGER)) FROM customers WHERE code GLOB ? `)
      .pluck()
      .get(series.prefix.length + 1, `${series.prefix}[0-9]*`) as number | null;
    return highest !== null && highest >= series.next_number
      ? [`customer series would issue ${series.prefix}${series.next_number} but ${highest} is already used`]
      : [];
  },
};
