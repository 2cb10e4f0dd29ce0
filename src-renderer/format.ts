import i18n from './i18n';

/** A UTC timestamp shown in the reader's local time, in the UI language's conventions. */
export function formatTimestamp(iso: string): string {
  return new Date(iso).toLocaleString(i18n.language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
