import type { Sqlite } from '../../db/connection';

export interface CheckResult {
  name: string;
  ok: boolean;
  differences: string[];
}

/**
 * Every summary is recomputed from its ledger and compared (DESIGN §3). Each area that keeps a
 * summary row adds its check to INVARIANT_CHECKS.
 */
export interface InvariantCheck {
  name: string;
  run(sqlite: Sqlite): string[];
}

const databaseIntegrity: InvariantCheck = {
  name: 'database integrity',
  run(sqlite) {
    const rows = sqlite.prepare('PRAGMA integrity_check').pluck().all() as string[];
    return rows.filter((r) => r !== 'ok');
  },
};

const foreignKeys: InvariantCheck = {
  name: 'references',
  run(sqlite) {
    const rows = sqlite.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
    return rows.map((r) => `${r.table} row ${r.rowid} points at a missing ${r.parent}`);
  },
};

const appendOnlyLedgers: InvariantCheck = {
  name: 'append-only ledgers are protected',
  run(sqlite) {
    const triggers = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
    return ['audit_log_append_only_update', 'audit_log_append_only_delete'].filter((t) => !triggers.has(t)).map((t) => `trigger ${t} is missing`);
  },
};

const numberingAhead: InvariantCheck = {
  name: 'numbering series are ahead of issued numbers',
  run(sqlite) {
    const hasCustomers = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'customers'").get();
    if (!hasCustomers) return [];
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

export const INVARIANT_CHECKS: InvariantCheck[] = [databaseIntegrity, foreignKeys, appendOnlyLedgers, numberingAhead];

export function runInvariantChecks(sqlite: Sqlite, checks = INVARIANT_CHECKS): CheckResult[] {
  return checks.map((check) => {
    const differences = check.run(sqlite);
    return { name: check.name, ok: differences.length === 0, differences };
  });
}
