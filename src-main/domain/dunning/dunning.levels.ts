/**
 * 催收级别 and their templates. A level reminders point at is switched off rather than deleted, so
 * the queue and the timeline still say which level a past reminder was.
 */
import type { z } from 'zod';
import { AppError, notFound } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { changedFields, type HandlerContext } from '../context';
import { counted } from '../core/english';
import { formatFen } from '../core/money';
import { newId, nowIso } from '../shared/ids';
import { TEMPLATE_PLACEHOLDERS, type DunningLevel, type levelInput, type TemplateLanguage } from './dunning.contract';
import type { DunningLevelsTable } from './dunning.tables';

function toLevel(row: DunningLevelsTable): DunningLevel {
  return { id: row.id, daysAfterDue: row.days_after_due, subjectZh: row.subject_zh, bodyZh: row.body_zh, subjectEn: row.subject_en, bodyEn: row.body_en };
}

export function activeLevels(sqlite: Sqlite): DunningLevel[] {
  return (statement(sqlite, 'SELECT * FROM dunning_levels WHERE active = 1 ORDER BY days_after_due').all() as DunningLevelsTable[]).map(toLevel);
}

export function levelById(sqlite: Sqlite, id: string): DunningLevel {
  const row = statement(sqlite, 'SELECT * FROM dunning_levels WHERE id = ?').get(id) as DunningLevelsTable | undefined;
  if (!row) throw notFound('Dunning level', id);
  return toLevel(row);
}

/** `{name}` that is not a placeholder is most likely a typo the customer would read. */
function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{([^{}\s]+)\}/g)].map((m) => m[1]!).filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
}

export function saveLevel(ctx: HandlerContext, input: z.output<typeof levelInput>): DunningLevel {
  const issues = (['subjectZh', 'bodyZh', 'subjectEn', 'bodyEn'] as const).flatMap((field) =>
    unknownPlaceholders(input[field]).map((name) => fieldIssue(field, 'invalid_choice', { value: `{${name}}`, options: TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`) })),
  );
  if (issues.length) throw new AppError('VALIDATION', 'A template names a placeholder that does not exist', issues);
  const clash = statement(ctx.sqlite, 'SELECT id FROM dunning_levels WHERE active = 1 AND days_after_due = ? AND id <> ?').pluck().get(input.daysAfterDue, input.id ?? '') as string | undefined;
  if (clash) throw new AppError('VALIDATION', `A level at ${counted(input.daysAfterDue, 'day')} exists already`, [fieldIssue('daysAfterDue', 'duplicate')]);
  const now = nowIso();
  const values = { days_after_due: input.daysAfterDue, subject_zh: input.subjectZh, body_zh: input.bodyZh, subject_en: input.subjectEn, body_en: input.bodyEn, updated_at: now };
  if (input.id === undefined) {
    const id = newId();
    statement(
      ctx.sqlite,
      `INSERT INTO dunning_levels (id, days_after_due, subject_zh, body_zh, subject_en, body_en, created_at, updated_at)
       VALUES (@id, @days_after_due, @subject_zh, @body_zh, @subject_en, @body_en, @updated_at, @updated_at)`,
    ).run({ id, ...values });
    const level = levelById(ctx.sqlite, id);
    ctx.audit({ entityType: 'dunning_level', entityId: id, fields: changedFields(null, level as never) });
    return level;
  }
  const before = levelById(ctx.sqlite, input.id);
  statement(
    ctx.sqlite,
    `UPDATE dunning_levels SET days_after_due = @days_after_due, subject_zh = @subject_zh, body_zh = @body_zh, subject_en = @subject_en, body_en = @body_en, updated_at = @updated_at
      WHERE id = @id AND active = 1`,
  ).run({ id: input.id, ...values });
  const after = levelById(ctx.sqlite, input.id);
  ctx.audit({ entityType: 'dunning_level', entityId: input.id, fields: changedFields(before as never, after as never) });
  return after;
}

export function removeLevel(ctx: HandlerContext, id: string): { removed: true } {
  const before = levelById(ctx.sqlite, id);
  statement(ctx.sqlite, 'UPDATE dunning_levels SET active = 0, updated_at = ? WHERE id = ?').run(nowIso(), id);
  ctx.audit({ entityType: 'dunning_level', entityId: id, fields: { active: { before: true, after: false }, daysAfterDue: { before: before.daysAfterDue, after: before.daysAfterDue } } });
  return { removed: true };
}

export interface TemplateFacts {
  customerName: string;
  companyName: string;
  invoices: { invoiceNo: string; dueDate: string; openAmount: number; overdue: boolean }[];
  currency: string;
}

/** The level's subject and body in a language, with every placeholder filled from the facts. */
export function renderTemplate(level: DunningLevel, language: TemplateLanguage, facts: TemplateFacts): { subject: string; body: string } {
  const money = (fen: number) => formatFen(fen, facts.currency);
  const sum = (rows: TemplateFacts['invoices']) => rows.reduce((s, r) => s + r.openAmount, 0);
  const dueWord = language === 'en' ? 'due' : '到期';
  const values: Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string> = {
    customerName: facts.customerName,
    companyName: facts.companyName,
    invoiceNumbers: facts.invoices.map((i) => i.invoiceNo).join(language === 'en' ? ', ' : '、'),
    invoiceList: facts.invoices.map((i) => `  ${i.invoiceNo}  ${money(i.openAmount)}  ${dueWord} ${i.dueDate}`).join('\n'),
    amounts: facts.invoices.map((i) => money(i.openAmount)).join(language === 'en' ? ', ' : '、'),
    dueDates: facts.invoices.map((i) => i.dueDate).join(language === 'en' ? ', ' : '、'),
    totalOverdue: money(sum(facts.invoices.filter((i) => i.overdue))),
    totalOpen: money(sum(facts.invoices)),
  };
  const fill = (text: string) => text.replace(/\{([^{}\s]+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as keyof typeof values] : whole));
  const [subject, body] = language === 'en' ? [level.subjectEn, level.bodyEn] : [level.subjectZh, level.bodyZh];
  return { subject: fill(subject), body: fill(body) };
}
