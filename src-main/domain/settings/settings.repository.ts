import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export function getCompany(db: Kysely<Database>) {
  return db.selectFrom('company').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function insertCompany(db: Kysely<Database>, company: { name: string; currency: string; time_zone: string; created_at: string }) {
  await db.insertInto('company').values({ id: 1, ...company }).execute();
}

export async function updateCompany(db: Kysely<Database>, patch: { name?: string; currency?: string; time_zone?: string }) {
  await db.updateTable('company').set(patch).where('id', '=', 1).execute();
}

export async function readSetting<T>(db: Kysely<Database>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

/** Several settings in one read; a key never written is absent from the map. */
export async function readSettings(db: Kysely<Database>, keys: readonly string[]): Promise<Map<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  return new Map(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

export async function writeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}
