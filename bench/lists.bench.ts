/** The other lists on the seeded file: leads (page, search) and the activity log (page, filtered). */
import { LEAD_SEARCH_BOUND } from '../src-main/domain/leads/leads.search';
import type { BenchContext, BenchRow, Goal } from './measure';
import { measureScreen } from './screens';

const SCREEN: Goal = { path: 'http', p95UnderMs: 10 };
const SEARCH: Goal = { path: 'dispatch', p95UnderMs: 5 };

export async function benchLists(ctx: BenchContext): Promise<BenchRow[]> {
  const product = await ctx.product();
  const sqlite = product.backend.conn.sqlite;
  const leads = sqlite.prepare('SELECT count(*) FROM leads').pluck().get() as number;
  const companies = (sqlite.prepare('SELECT company FROM leads WHERE company IS NOT NULL ORDER BY code LIMIT 20').pluck().all() as string[]).map((c) => c.slice(2, 4));
  const page = (method: string, what: string, input: unknown): Parameters<typeof measureScreen>[1] => ({
    area: method.split('.')[0]!,
    what,
    calls: () => [[method, input]],
    samples: 1,
    overHttp: true,
    goal: SCREEN,
  });
  return [
    await measureScreen(ctx, page('leads.list', `\`leads.list\` first page of ${leads.toLocaleString('en')} (newest first)`, { page: 1, pageSize: 50 })),
    await measureScreen(ctx, {
      area: 'leads',
      what: `search leads by two Chinese characters of the company (at most ${LEAD_SEARCH_BOUND} matches read)`,
      calls: (k) => [['leads.list', { q: companies[k % companies.length], pageSize: 50 }]],
      samples: companies.length,
      overHttp: true,
      goal: SEARCH,
    }),
    await measureScreen(ctx, page('audit.list', '`audit.list` first page (total kept by a trigger)', { page: 1, pageSize: 50 })),
    await measureScreen(ctx, page('audit.list', '`audit.list` data changes only (total counted up to 10,000)', { changesOnly: true, page: 1, pageSize: 50 })),
  ];
}
