import type { OutputOf } from '../api/contract';
import type { Session } from '../api/session';
import { createBackend } from '../backend/backend';
import { isIsoDate } from '../domain/customers/customers.rules';
import { yuanText } from '../domain/core/money';
import { localAdmin } from '../domain/users/local-admin';
import { requireFlag, UsageError, type ParsedArgs } from './args';

/**
 * `report aging --as-of YYYY-MM-DD [--json]`: with --json it prints the report itself (amounts in
 * integer fen), the format other tools read; without, a table in yuan for people.
 */
export async function reportCommand(dbFile: string, rest: string[], args: ParsedArgs, out: { stdout: { write(text: string): unknown } }): Promise<number> {
  if (rest[0] !== 'aging') throw new UsageError('report needs: report aging --as-of YYYY-MM-DD [--json]');
  const asOf = requireFlag(args, 'as-of');
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not ${asOf}`);
  const backend = createBackend({ file: dbFile });
  try {
    const session: Session = { user: localAdmin(backend.conn) };
    // By code, as the command has always listed them: scripts read its rows in that order.
    const result = await backend.call({ session, transport: 'cli' }, 'receivables.aging', { asOf, sort: { field: 'code', dir: 'asc' } });
    if (!result.ok) throw new Error(`Could not age receivables: ${result.error.message}`);
    const report = result.data as OutputOf<'receivables.aging'>;
    if (args.flags.json === true) {
      out.stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    }
    const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(i === 0 ? 10 : 24) : c.padStart(14))).join(' ');
    out.stdout.write(`Aging as of ${report.as_of}\n${line(['customer', 'name', 'total', ...report.buckets])}\n`);
    for (const row of report.rows) out.stdout.write(`${line([row.customer_code, row.customer_name, yuanText(row.total), ...report.buckets.map((b) => yuanText(row.by_bucket[b]!))])}\n`);
    out.stdout.write(`${line(['', 'total', yuanText(report.totals.total), ...report.buckets.map((b) => yuanText(report.totals.by_bucket[b]!))])}\n`);
    return 0;
  } finally {
    backend.close();
  }
}
