import type { LifecycleStage } from '../../../src-main/domain/customers/customers.dto';
import { formatFen } from '../../../src-main/domain/core/money';

/** Badge colours of the lifecycle stages: cool for early, green for healthy, warm for trouble. */
export const STAGE_COLORS: Record<LifecycleStage, string> = {
  lead: 'gray',
  prospect: 'cyan',
  new: 'blue',
  active: 'teal',
  loyal: 'green',
  at_risk: 'orange',
  churned: 'red',
  won_back: 'grape',
};

export const TAG_COLORS = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;

export function money(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : formatFen(fen);
}

/** 江苏省 南京市 → "江苏 · 南京"-style text for a table cell; empty parts are skipped. */
export function region(...parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
