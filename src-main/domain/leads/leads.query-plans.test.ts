import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { plansOf } from '../../db/query-plans';
import { seedCustomers } from '../customers/customers.seed';
import { leadListInput } from './leads.contract';
import * as repo from './leads.repository';
import { seedLeads } from './leads.seed';

describe('query plans of the hot leads queries', () => {
  let conn: Connection;

  beforeAll(() => {
    conn = openDatabase(':memory:');
    migrate(conn.sqlite);
    seedCustomers(conn, { count: 8000, seed: 3, asOf: '2026-11-23' });
    seedLeads(conn, { seed: 3, asOf: '2026-11-23' });
    conn.sqlite.exec('ANALYZE');
  });

  it('reads the default lead page newest first from its index, without sorting', async () => {
    const [, page] = await plansOf(conn, (db) => repo.listLeads(db, leadListInput.parse({}), {}));
    expect(page).toMatch(/leads_created/);
    expect(page).not.toMatch(/TEMP B-TREE/);
  });

  it('filters leads by status on the status index', async () => {
    const [, page] = await plansOf(conn, (db) => repo.listLeads(db, leadListInput.parse({ filters: { status: ['qualified'] } }), {}));
    expect(page).toMatch(/leads_status_created/);
  });

  it('sums the kanban by stage from the board index', async () => {
    const [sums] = await plansOf(conn, (db) => repo.opportunityBoard(db, { closedSinceUtc: '2026-08-01T00:00:00.000Z', cardLimit: 50 }));
    expect(sums).toMatch(/opportunities_board/);
  });

  it('reads a period’s leads for the channel report by creation time', async () => {
    const [report] = await plansOf(conn, (db) => repo.channelReport(db, { from: '2026-01-01', to: '2026-03-31', fromUtc: '2025-12-31T16:00:00.000Z', beforeUtc: '2026-03-31T16:00:00.000Z' }));
    expect(report).toMatch(/SEARCH leads USING INDEX leads_(status_)?created/);
    expect(report).toMatch(/SEARCH cs USING INDEX sqlite_autoindex_customer_stats_1/);
    expect(report).toMatch(/campaigns_channel_start|campaigns_start/);
  });
});
