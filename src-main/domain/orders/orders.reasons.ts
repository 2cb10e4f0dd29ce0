/**
 * Why an order waits for a manager, as its words show it: the reason's figures ready for its
 * message (money in yuan, discounts in percent). The order page and the approvals file both word
 * a reason this way. Runtime-neutral.
 */
import { formatFen } from '../core/money';
import type { ApprovalReason } from './orders.dto';

const MONEY_PARAMS = new Set(['limit', 'balance', 'orderTotal', 'amount', 'total', 'exceededBy']);
const PERCENT_PARAMS = new Set(['bp', 'max']);

export function reasonParams(reason: ApprovalReason): Record<string, string | number | null> {
  return Object.fromEntries(
    Object.entries(reason.params).map(([k, v]) => [k, typeof v === 'number' && MONEY_PARAMS.has(k) ? formatFen(v) : typeof v === 'number' && PERCENT_PARAMS.has(k) ? `${v / 100}%` : v]),
  );
}

/** A reason in one language's messages (`{{balance}}` and the like filled in). */
export function reasonText(messages: Record<string, string>, reason: ApprovalReason): string {
  const params = reasonParams(reason);
  return (messages[reason.code] ?? reason.code).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(params[key] ?? ''));
}
