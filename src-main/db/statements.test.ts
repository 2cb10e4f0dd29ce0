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

  it('reports the error that ended a transaction SQLite had already rolled back, not the failed ROLLBACK after it', async () => {
    const conn = openDatabase(':memory:');
    conn.sqlite.exec('CREATE TABLE t (n INTEGER)');
    const diskFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const transaction = conn.db.transaction().execute(async (trx) => {
      await trx.insertInto('t' as never).values({ n: 1 } as never).execute();
      // SQLite's own rollback on SQLITE_FULL or SQLITE_IOERR.
      conn.sqlite.exec('ROLLBACK');
      throw diskFull;
    });
    await expect(transaction).rejects.toBe(diskFull);
    expect(await conn.db.selectFrom('t' as never).selectAll().execute()).toEqual([]);
    // A transaction still open is rolled back as ever.
    await expect(
      conn.db.transaction().execute(async (trx) => {
        await trx.insertInto('t' as never).values({ n: 2 } as never).execute();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(conn.sqlite.inTransaction).toBe(false);
    expect(await conn.db.selectFrom('t' as never).selectAll().execute()).toEqual([]);
  });
});
