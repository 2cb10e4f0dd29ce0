import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** Every numbered document's series; later areas add theirs here. */
export const DEFAULT_SERIES = [
  { code: 'customer', prefix: 'C', per_year: 0, padding: 6 },
  { code: 'lead', prefix: 'L', per_year: 0, padding: 6 },
] as const;

export async function seedNumberingSeries(db: Kysely<Database>): Promise<void> {
  for (const series of DEFAULT_SERIES) {
    await db
      .insertInto('numbering_series')
      .values({ ...series, year: null, next_number: 1 })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

/**
 * Takes the next number of a series, gapless inside the caller's transaction
 * (a rolled-back document gives its number back). Yearly series restart at 1.
 */
export async function nextNumber(db: Kysely<Database>, code: string, businessDate?: string): Promise<string> {
  await seedNumberingSeries(db);
  const series = await db.selectFrom('numbering_series').selectAll().where('code', '=', code).executeTakeFirst();
  if (!series) throw new Error(`Unknown numbering series ${code}`);
  const year = Number((businessDate ?? new Date().toISOString()).slice(0, 4));
  const restart = series.per_year === 1 && series.year !== year;
  const number = restart ? 1 : series.next_number;
  await db
    .updateTable('numbering_series')
    .set({ next_number: number + 1, year: series.per_year === 1 ? year : series.year })
    .where('code', '=', code)
    .execute();
  const digits = String(number).padStart(series.padding, '0');
  return series.per_year === 1 ? `${series.prefix}-${year}-${digits}` : `${series.prefix}${digits}`;
}

/** Moves a series past numbers that were taken outside it (imported codes such as C000120). */
export async function bumpSeriesPast(db: Kysely<Database>, code: string, taken: string): Promise<void> {
  const series = await db.selectFrom('numbering_series').selectAll().where('code', '=', code).executeTakeFirst();
  if (!series || series.per_year === 1 || !taken.startsWith(series.prefix)) return;
  const digits = taken.slice(series.prefix.length);
  if (!/^\d+$/.test(digits)) return;
  await db
    .updateTable('numbering_series')
    .set({ next_number: sql<number>`max(next_number, ${Number(digits) + 1})` })
    .where('code', '=', code)
    .execute();
}
