import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { plansOf, wholeTableWalks } from '../../db/query-plans';
import { refreshPlannerStatistics } from '../../db/statistics';
import { seedCustomers } from '../customers/customers.seed';
import { leadListInput } from './leads.contract';
import * as repo from './leads.repository';
import { seedLeads } from './leads.seed';

// As for customers: a file not analysed yet, and one analysed the way the product does it.
describe.each([
  ['without planner statistics', false],
  ['with the statistics PRAGMA optimize gathers', true],
])('query plans of the hot leads queries, %s', (_state, analysed) => {
  let conn: Connection;

  beforeAll(() => {
    conn = openDatabase(':memory:');
    migrate(conn.sqlite);
    seedCustomers(conn, { count: 8000, seed: 3, asOf: '2026-11-23' });
    seedLeads(conn, { seed: 3, asOf: '2026-11-23' });
    if (analysed) refreshPlannerStatistics(conn.sqlite);
  });

  it('reads the default lead page newest first from its index, without sorting, and its total from the kept count', async () => {
    const [keys, total] = await plansOf(conn, (db) => repo.listLeads(db, leadListInput.parse({}), {}));
    expect(keys).toMatch(/leads_created/);
    expect(keys).not.toMatch(/TEMP B-TREE/);
    expect(total).toMatch(/^SEARCH row_counts/);
  });

  it('filters leads by status on the status index', async () => {
    const [keys, total] = await plansOf(conn, (db) => repo.listLeads(db, leadListInput.parse({ filters: { status: ['qualified'] } }), {}));
    expect(keys).toMatch(/leads_status_created/);
    expect(total).toMatch(/leads_status_created/);
  });

  it('drives a lead search from its FTS index, never walking leads or customers', async () => {
    for (const q of ['海龙', 'zh', 'L0000', '1391']) {
      const [keys, rows] = await plansOf(conn, (db) => repo.listLeads(db, leadListInput.parse({ q, filters: { status: ['new', 'contacted'] } }), {}));
      expect(keys).toMatch(/SCAN leads_fts VIRTUAL TABLE INDEX/);
      expect(wholeTableWalks(keys!, ['leads', 'l'])).toEqual([]);
      if (rows) expect(wholeTableWalks(rows, ['leads', 'l', 'customers', 'c'])).toEqual([]);
    }
  });

  it('sums the kanban by stage from the board index', async () => {
    const [sums] = await plansOf(conn, (db) => repo.opportunityBoard(db, { closedSinceUtc: '2026-08-01T00:00:00.000Z', cardLimit: 50 }));
    expect(sums).toMatch(/opportunities_board/);
  });

  it('reads a period’s leads for the channel report by creation time', async () => {
    const [report] = await plansOf(conn, (db) => repo.channelReport(db, { from: '2026-01-01', to: '2026-03-31', fromUtc: '2025-12-31T16:00:00.000Z', beforeUtc: '2026-03-31T16:00:00.000Z' }));
    expect(report).toMatch(/SEARCH leads USING INDEX leads_(status_)?created/);
    expect(report).toMatch(/SEARCH cs USING INDEX sqlite_autoindex_customer_stats_1/);
    expect(wholeTableWalks(report!, ['customer_stats', 'cs'], [])).toEqual([]);
    expect(report).toMatch(/campaigns_channel_start|campaigns_start/);
  });
});
