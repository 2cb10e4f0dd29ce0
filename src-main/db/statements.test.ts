import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from './connection';
import { preparedOnce } from './statements';

describe('preparedOnce (the statements Kysely runs)', () => {
  it('prepares each SQL once and gives back the same statement', () => {
    const { sqlite } = openDatabase(':memory:');
    const prepare = vi.spyOn(sqlite, 'prepare');
    const cache = preparedOnce(sqlite);
    const first = cache.prepare('SELECT 1');
    expect(cache.prepare('SELECT 1')).toBe(first);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(first.get()).toEqual({ 1: 1 });
  });

  it('keeps only the most recently used statements', () => {
    const { sqlite } = openDatabase(':memory:');
    const prepare = vi.spyOn(sqlite, 'prepare');
    const cache = preparedOnce(sqlite, 2);
    cache.prepare('SELECT 1');
    cache.prepare('SELECT 2');
    cache.prepare('SELECT 1');
    cache.prepare('SELECT 3');
    expect(prepare).toHaveBeenCalledTimes(3);
    cache.prepare('SELECT 1');
    expect(prepare).toHaveBeenCalledTimes(3);
    cache.prepare('SELECT 2');
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it('serves the product’s queries through Kysely, transactions included', async () => {
    const conn = openDatabase(':memory:');
    conn.sqlite.exec('CREATE TABLE t (n INTEGER)');
    await conn.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 3; n++) await trx.insertInto('t' as never).values({ n } as never).execute();
    });
    const rows = await conn.db.selectFrom('t' as never).selectAll().execute();
    expect(rows).toHaveLength(3);
  });
});
