import { describe, expect, it } from 'vitest';
import { customerSheet } from '../../../bench/imports.bench';
import { ownerApi } from '../../db/test-db';
import { aCustomer } from '../customers/customers.test-helpers';
import { csvUpload } from './imports.test-helpers';

describe('the search index after a big import', () => {
  it('finds the customers on file before, the 2,000 imported and one created after, and matches its content exactly', async () => {
    const api = await ownerApi();
    const before = await api.ok('customers.create', aCustomer({ name: '上海申达贸易有限公司', shortName: '申达', contacts: [{ name: '李明', mobile: '13811112222' }] }));

    const result = await api.ok('imports.customers', csvUpload(customerSheet(2000)));
    expect(result.imported).toBe(2000);

    const after = await api.ok('customers.create', aCustomer({ name: '杭州新天食品有限公司', shortName: '新天', contacts: [{ name: '王芳', mobile: '13722223333' }] }));
    expect((await api.ok('customers.search', { q: '申达' })).map((h) => h.id)).toEqual([before.id]);
    expect((await api.ok('customers.search', { q: '13900001999' })).map((h) => h.name)).toHaveLength(1);
    expect((await api.ok('customers.search', { q: 'hzxt' })).map((h) => h.id)).toEqual([after.id]);
    const sqlite = api.backend.conn.sqlite;
    // FTS5's own check of an external-content index against its table: throws on any missing or stale row.
    expect(() => sqlite.exec("INSERT INTO customers_fts (customers_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'customer_search_ai'").pluck().get()).toBe(1);
  }, 180_000);

  it('leaves the index and its trigger as they were when a big import is cancelled while indexing', async () => {
    const api = await ownerApi();
    const before = await api.ok('customers.create', aCustomer({ name: '上海申达贸易有限公司', shortName: '申达' }));
    const jobId = 'import-cancelled-while-indexing';
    const stop = api.backend.onEvent((event) => {
      // All rows written, the search index not yet: the slices come last.
      if (event.kind === 'progress' && event.jobId === jobId && event.message === 'writing' && event.done === event.total) void api.call('jobs.cancel', { jobId });
    });
    const result = await api.call('imports.customers', { ...csvUpload(customerSheet(2500)), jobId });
    stop();
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const sqlite = api.backend.conn.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM customer_search').pluck().get()).toBe(1);
    expect(() => sqlite.exec("INSERT INTO customers_fts (customers_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'customer_search_ai'").pluck().get()).toBe(1);
    expect((await api.ok('customers.search', { q: '申达' })).map((h) => h.id)).toEqual([before.id]);
  }, 180_000);
});
