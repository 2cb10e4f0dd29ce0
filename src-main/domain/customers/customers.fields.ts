import type { Kysely } from 'kysely';
import { changedFields, type HandlerContext } from '../context';
import { AppError, notFound, type FieldIssue } from '../../api/errors';
import { fieldIssue, type IssueCode, type IssueParams } from '../../api/issues';
import type { Database } from '../../db/schema';
import { newId, nowIso } from '../shared/ids';
import type { CustomFieldDef, CustomFieldType, CustomFieldValue } from './customers.dto';
import * as repo from './customers.repository';
import { isIsoDate } from './customers.rules';

export function toFieldDef(row: repo.FieldDefRecord): CustomFieldDef {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    type: row.type,
    options: JSON.parse(row.options) as string[],
    sortOrder: row.sort_order,
    active: row.active === 1,
  };
}

/**
 * Checks custom-field values against the owner's definitions and merges them into the current
 * ones; null removes a value. Numbers may arrive as text from a form ("12.5").
 */
export async function validateCustomFields(
  db: Kysely<Database>,
  current: Record<string, CustomFieldValue>,
  changes: Record<string, CustomFieldValue> | undefined,
): Promise<{ values: Record<string, CustomFieldValue>; issues: FieldIssue[] }> {
  const values = { ...current };
  const issues: FieldIssue[] = [];
  if (!changes || Object.keys(changes).length === 0) return { values, issues };
  const defs = new Map((await repo.listFieldDefs(db, false)).map((d) => [d.key, toFieldDef(d)]));
  for (const [key, raw] of Object.entries(changes)) {
    const path = `customFields.${key}`;
    const def = defs.get(key);
    if (!def) {
      issues.push(fieldIssue(path, 'not_found', { entity: 'customField' }));
      continue;
    }
    if (raw === null || raw === '') {
      delete values[key];
      continue;
    }
    const problem = fieldValueProblem(def, raw);
    if (problem) issues.push(problem);
    else values[key] = def.type === 'number' ? Number(raw) : String(raw).trim();
  }
  return { values, issues };
}

/** Why a value does not fit a custom field, or null; the import checks each cell with it. */
export function fieldValueProblem(def: CustomFieldDef, raw: string | number): FieldIssue | null {
  const problem = (code: IssueCode, params: IssueParams = {}) => fieldIssue(`customFields.${def.key}`, code, { label: def.label, ...params });
  switch (def.type) {
    case 'text':
      return typeof raw === 'string' ? null : problem('invalid_type', { expected: 'text' });
    case 'number':
      return Number.isFinite(typeof raw === 'number' ? raw : Number(String(raw).trim())) && String(raw).trim() !== '' ? null : problem('invalid_type', { expected: 'number' });
    case 'date':
      return typeof raw === 'string' && isIsoDate(raw) ? null : problem('invalid_date');
    case 'choice':
      return def.options.includes(String(raw)) ? null : problem('invalid_choice', { options: def.options });
  }
}

export async function saveFieldDef(
  ctx: HandlerContext,
  input: { id?: string; key: string; label: string; type: CustomFieldType; options: string[]; sortOrder: number; active: boolean },
): Promise<CustomFieldDef> {
  const existing = input.id ? await repo.findFieldDef(ctx.db, { id: input.id }) : undefined;
  if (input.id && !existing) throw notFound('Custom field', input.id);
  if (existing && existing.key !== input.key) {
    throw new AppError('VALIDATION', 'The key of a custom field cannot change: saved values use it', [fieldIssue('key', 'frozen', { status: 'saved' })]);
  }
  const sameKey = await repo.findFieldDef(ctx.db, { key: input.key });
  if (sameKey && sameKey.id !== input.id) throw new AppError('CONFLICT', `A custom field with key ${input.key} exists`, [fieldIssue('key', 'taken')]);
  if (input.type === 'choice' && input.options.length === 0) {
    throw new AppError('VALIDATION', 'A choice field needs options', [fieldIssue('options', 'options_required')]);
  }
  const now = nowIso();
  const row: repo.FieldDefRecord = {
    id: existing?.id ?? newId(),
    key: input.key,
    label: input.label,
    type: input.type,
    options: JSON.stringify(input.type === 'choice' ? [...new Set(input.options)] : []),
    sort_order: input.sortOrder,
    active: input.active ? 1 : 0,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  };
  await repo.saveFieldDef(ctx.db, row);
  const saved = toFieldDef(row);
  ctx.audit({ entityType: 'customFieldDef', entityId: row.id, fields: changedFields(existing ? (toFieldDef(existing) as never) : null, saved as never) });
  return saved;
}
