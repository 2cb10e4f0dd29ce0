/**
 * The activity log as a file (操作日志): when, who, what was done to which record, and the fields
 * it changed, in the words of audit-export.messages.ts. Runtime-neutral.
 */
import { codeLabels, columnsWorded, localised, type ExportLanguage, type ExportTable } from '../exports/exports.table';
import { formatDateTime } from '../core/dates';
import { yuanText } from '../core/money';
import type { AuditEntry } from './audit.contract';
import { AUDIT_EXPORT_WORDS } from './audit-export.messages';

type Words = (typeof AUDIT_EXPORT_WORDS)['zh-CN'];

/** Amounts are stored in fen; the file shows them in yuan, as the log screen does. */
const MONEY_FIELDS = new Set(['creditLimit', 'cost', 'expectedAmount', 'amount', 'balanceDue']);
/** Record ids mean nothing to a reader; the record column already says what was touched. */
const HIDDEN_FIELDS = new Set(['id', 'version']);
/** A UTC timestamp as stored; a reader gets it on the company's clock (2026-11-28 09:54). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function valueText(field: string, value: unknown, words: Words | null, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return words ? (value ? words.yes : words.no) : String(value);
  if (typeof value === 'number' && MONEY_FIELDS.has(field)) return yuanText(value);
  if (typeof value === 'string' && words && TIMESTAMP.test(value)) return formatDateTime(value, timeZone);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** "field: before → after" for every field an entry changed, with field names in the reader's language. */
export function changesText(entry: AuditEntry, language: ExportLanguage | null, timeZone: string): string {
  const words = language ? AUDIT_EXPORT_WORDS[language] : null;
  const fields = words?.fields as Record<string, string> | undefined;
  return entry.changes
    .flatMap((change) =>
      Object.entries(change.fields)
        .filter(([field]) => !HIDDEN_FIELDS.has(field))
        .map(([field, { before, after }]) => `${fields?.[field] ?? field}: ${valueText(field, before, words, timeZone)} → ${valueText(field, after, words, timeZone)}`),
    )
    .join('; ');
}

const column = columnsWorded<Words, AuditEntry>(AUDIT_EXPORT_WORDS);

/** The changes column is worded per language, so the table is made for the language it is written in. */
export function auditExportTable(language: ExportLanguage | null, timeZone: string): ExportTable<AuditEntry> {
  return {
    name: { machine: 'audit-log', ...localised(AUDIT_EXPORT_WORDS, (w) => w.file) },
    columns: [
      column('at', (w) => w.column.at, 'datetime', (e) => e.at),
      column('username', (w) => w.column.user, 'text', (e) => e.userName ?? e.username),
      column('method', (w) => w.column.method, codeLabels(AUDIT_EXPORT_WORDS, (w) => w.methods), (e) => e.method),
      column('entity_type', (w) => w.column.entity, codeLabels(AUDIT_EXPORT_WORDS, (w) => w.entities), (e) => e.entityType),
      column('entity_id', (w) => w.fields.id, 'text', (e) => e.entityId),
      column('changes', (w) => w.column.changes, 'text', (e) => changesText(e, language, timeZone)),
      column('transport', (w) => w.column.transport, codeLabels(AUDIT_EXPORT_WORDS, (w) => w.transports), (e) => e.transport),
    ],
  };
}
