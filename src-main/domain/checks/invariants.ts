import type { Sqlite } from '../../db/connection';

export interface CheckResult {
  name: string;
  ok: boolean;
  differences: string[];
  /** How long the rule took: on a large book, `PRAGMA integrity_check` alone reads every page. */
  milliseconds: number;
}

/**
 * Every summary is recomputed from its ledger and compared (DESIGN §3). Each area that keeps a
 * summary row declares its check in its area definition (`checks`).
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

/** The totals unfiltered lists show (row_counts, kept by triggers) against the tables themselves. */
const rowCounts: InvariantCheck = {
  name: 'list totals match their tables',
  run(sqlite) {
    const hasTable = (name: string) => !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
    if (!hasTable('row_counts')) return [];
    const kept = sqlite.prepare('SELECT subject, n FROM row_counts ORDER BY subject').all() as { subject: string; n: number }[];
    return kept.flatMap(({ subject, n }) => {
      const [table, status] = subject.split(':') as [string, string | undefined];
      if (!/^[a-z_]+$/.test(table) || !hasTable(table)) return [`row_counts has ${subject}, which names no table`];
      const actual = sqlite.prepare(`SELECT count(*) FROM "${table}"${status === undefined ? '' : ' WHERE status = ?'}`).pluck().get(...(status === undefined ? [] : [status])) as number;
      return actual === n ? [] : [`${subject}: the list total says ${n}, the table has ${actual}`];
    });
  },
};

/** What holds for every database whatever areas it has; areas add theirs in their definition. */
export const PLATFORM_CHECKS: InvariantCheck[] = [databaseIntegrity, foreignKeys, appendOnlyLedgers, rowCounts];

export function runInvariantChecks(sqlite: Sqlite, areaChecks: readonly InvariantCheck[], onChecked?: (result: CheckResult) => void): CheckResult[] {
  const checks = [...PLATFORM_CHECKS, ...areaChecks];
  return checks.map((check) => {
    const started = performance.now();
    const differences = check.run(sqlite);
    const result = { name: check.name, ok: differences.length === 0, differences, milliseconds: Math.round(performance.now() - started) };
    onChecked?.(result);
    return result;
  });
}

export interface SummaryCheckSpec {
  name: string;
  /** The summary rows: the key column(s) and one column per figure (SELECT customer_id, balance_due FROM …). */
  summarySql: string;
  /** The same figures recomputed from the ledger, same column names (SELECT … sum(amount) AS balance_due … GROUP BY …). */
  ledgerSql: string;
  key: string | readonly string[];
}

/**
 * An invariant that a summary table agrees with its ledger, figure by figure and key by key. A
 * key missing on one side counts as zeros there, so an all-zero summary row needs no entries.
 */
export function summaryMatchesLedger(spec: SummaryCheckSpec): InvariantCheck {
  const keys = typeof spec.key === 'string' ? [spec.key] : [...spec.key];
  const index = (rows: Record<string, unknown>[]) => new Map(rows.map((row) => [keys.map((k) => `${k}=${String(row[k])}`).join(', '), row]));
  return {
    name: spec.name,
    run(sqlite) {
      const summary = index(sqlite.prepare(spec.summarySql).all() as Record<string, unknown>[]);
      const ledger = index(sqlite.prepare(spec.ledgerSql).all() as Record<string, unknown>[]);
      const differences: string[] = [];
      for (const key of new Set([...summary.keys(), ...ledger.keys()])) {
        const kept = summary.get(key) ?? {};
        const recomputed = ledger.get(key) ?? {};
        const figures = new Set([...Object.keys(kept), ...Object.keys(recomputed)].filter((c) => !keys.includes(c)));
        for (const figure of figures) {
          const inSummary = Number(kept[figure] ?? 0);
          const fromLedger = Number(recomputed[figure] ?? 0);
          if (inSummary !== fromLedger) differences.push(`${key}: ${figure} is ${inSummary} in the summary but ${fromLedger} from the ledger`);
        }
      }
      return differences;
    },
  };
}

/**
 * Codes typed or imported in a series' own shape (C000120, P000120) must stay below the number the
 * series issues next, or the series would one day issue a code already in use.
 */
export function codesBehindSeries(spec: { name: string; seriesCode: string; table: string; column?: string }): InvariantCheck {
  return {
    name: spec.name,
    run(sqlite) {
      const series = sqlite.prepare('SELECT prefix, next_number FROM numbering_series WHERE code = ?').get(spec.seriesCode) as { prefix: string; next_number: number } | undefined;
      if (!series) return [];
      const column = spec.column ?? 'code';
      const highest = sqlite
        .prepare(`SELECT max(CAST(substr(${column}, ?) AS INTEGER)) FROM ${spec.table} WHERE ${column} GLOB ?`)
        .pluck()
        .get(series.prefix.length + 1, `${series.prefix}[0-9]*`) as number | null;
      return highest !== null && highest >= series.next_number
        ? [`${spec.seriesCode} series would issue ${series.prefix}${series.next_number} but ${highest} is already used`]
        : [];
    },
  };
}
