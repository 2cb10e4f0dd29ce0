import i18n from './i18n';

/** A UTC timestamp shown in the reader's local time, in the UI language's conventions but on a 24-hour clock (no 上午/AM). */
export function formatTimestamp(iso: string): string {
  return new Date(iso).toLocaleString(i18n.language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
