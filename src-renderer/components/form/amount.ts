import { parseYuan } from '../../../src-main/domain/core/money';
import { describeIssue } from '../../api/issues';

/**
 * Money typed in yuan ("5,000.50", "￥5000") as the fen the method takes. A blank is `blank`;
 * text that is no amount becomes NaN, which the schema refuses and `amountErrors` words.
 */
export function fenFromTyped(text: string): number;
export function fenFromTyped(text: string, blank: null): number | null;
export function fenFromTyped(text: string, blank: number | null = 0): number | null {
  if (text.trim() === '') return blank;
  return parseYuan(text) ?? Number.NaN;
}

/** "请填写金额…" beside each money field (path → text as typed) whose text is not an amount. */
export function amountErrors(typed: Record<string, string>): Record<string, string> {
  const wrong = Object.entries(typed).filter(([, text]) => text.trim() !== '' && parseYuan(text) === null);
  return Object.fromEntries(wrong.map(([path]) => [path, describeIssue({ code: 'invalid_amount' })]));
}
