/**
 * Why an order waits for a manager, as its words show it: the reason's figures ready for its
 * message (money in yuan, discounts in percent). The order page and the approvals file both word
 * a reason this way. Runtime-neutral.
 */
import { countedMessage } from '../core/english';
import { formatFen } from '../core/money';
import type { ApprovalReason } from './orders.dto';

const MONEY_PARAMS = new Set(['limit', 'balance', 'orderTotal', 'amount', 'total', 'exceededBy']);
const PERCENT_PARAMS = new Set(['bp', 'max']);
/** The figure a reason's words count (“invoices 1 day overdue”, “2 lines short of stock”): its `count`, which picks an English singular. */
const COUNTED_PARAMS: Partial<Record<ApprovalReason['code'], string>> = { overdue: 'days', stock_shortage: 'lines' };

export function reasonParams(reason: ApprovalReason): Record<string, string | number | null> {
  const counted = COUNTED_PARAMS[reason.code];
  return {
    ...Object.fromEntries(
      Object.entries(reason.params).map(([k, v]) => [k, typeof v === 'number' && MONEY_PARAMS.has(k) ? formatFen(v) : typeof v === 'number' && PERCENT_PARAMS.has(k) ? `${v / 100}%` : v]),
    ),
    ...(counted !== undefined && typeof reason.params[counted] === 'number' ? { count: reason.params[counted] } : {}),
  };
}

/** A reason in one language's messages (`{{balance}}` and the like filled in; `<code>_one` for a count of 1). */
export function reasonText(messages: Record<string, string>, reason: ApprovalReason): string {
  const params = reasonParams(reason);
  return (countedMessage(messages, reason.code, params.count) ?? reason.code).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(params[key] ?? ''));
}
