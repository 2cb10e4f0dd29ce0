import type { OutputOf } from '../api/contract';
import type { Session } from '../api/session';
import { createBackend } from '../backend/backend';
import { counted } from '../domain/core/english';
import { isIsoDate } from '../domain/customers/customers.rules';
import { localAdmin } from '../domain/users/local-admin';
import { VOUCHER_FORMATS, type VoucherFormat } from '../domain/vouchers/vouchers.dto';
import { requireFlag, stringFlag, UsageError, writeOut, type ParsedArgs } from './args';

type Print = (human: string, data: unknown) => void;

/**
 * `vouchers export --from DATE --to DATE --format kingdee|yonyou|csv|hledger --out FILE [--repeat]`:
 * the vouchers of the dates as the accountant's software imports them, logged like an export from
 * the screen; dates exported before need --repeat, so nobody imports them twice by accident.
 */
export async function vouchersCommand(dbFile: string, rest: string[], args: ParsedArgs, print: Print): Promise<number> {
  if (rest[0] !== 'export') throw new UsageError(`vouchers needs: vouchers export --from DATE --to DATE --format ${VOUCHER_FORMATS.join('|')} --out FILE [--repeat]`);
  const from = requireFlag(args, 'from');
  const to = requireFlag(args, 'to');
  for (const [flag, value] of [['from', from], ['to', to]] as const) if (!isIsoDate(value)) throw new UsageError(`--${flag} must be a date as YYYY-MM-DD, not ${value}`);
  const format = stringFlag(args, 'format') ?? '';
  if (!(VOUCHER_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${VOUCHER_FORMATS.join(', ')}`);
  const out = requireFlag(args, 'out');
  const backend = createBackend({ file: dbFile });
  try {
    const session: Session = { user: localAdmin(backend.conn) };
    const result = await backend.call({ session, transport: 'cli' }, 'vouchers.export', { from, to, format: format as VoucherFormat, repeat: args.flags.repeat === true });
    if (!result.ok) {
      const hint = result.error.issues?.some((i) => i.code === 'already_exported') ? ' (add --repeat to export them again)' : '';
      print(`Could not export vouchers: ${result.error.message}${hint}`, result);
      return 1;
    }
    const data = result.data as OutputOf<'vouchers.export'>;
    const file = writeOut(out, data.content);
    const warning = data.previousExports > 0 ? ` Warning: these dates were exported ${counted(data.previousExports, 'time')} before.` : '';
    print(`Exported ${counted(data.voucherCount, 'voucher')} from ${from} to ${to} as ${format} to ${file}.${warning}`, {
      ok: true,
      data: { file, vouchers: data.voucherCount, previousExports: data.previousExports },
    });
    return 0;
  } finally {
    backend.close();
  }
}
