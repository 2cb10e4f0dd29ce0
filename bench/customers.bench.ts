/**
 * The customers screens on the seeded file: the list (first page and a page deep in it), every
 * kind of search in the list and in the palette, and the 360° view.
 */
import type { Sqlite } from '../src-main/db/connection';
import { businessDateIn } from '../src-main/domain/core/dates';
import { LIST_SEARCH_BOUND, listSearchBound, PALETTE_SEARCH_BOUND, SHORT_SEARCH_BOUND } from '../src-main/domain/customers/customers.search';
import { spell, toFtsQuery } from '../src-main/domain/customers/customers.search-text';
import { bestPage, bestPageAfter, bestPalette, bestSearch, bestView } from './best-queries';
import type { BenchContext, BenchRow, Goal } from './measure';
import { measureScreen } from './screens';

interface SampleCustomer {
  id: string;
  name: string;
  short_name: string;
  name_pinyin: string;
  mobile: string;
}

/** Customers spread over the whole table (every n-th rowid), each with a short name and a primary mobile. */
function sampleCustomers(sqlite: Sqlite, count = 40): SampleCustomer[] {
  const total = sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.name, c.short_name, c.name_pinyin, cc.mobile FROM customers c
         JOIN customer_contacts cc ON cc.customer_id = c.id AND cc.is_primary = 1
        WHERE c.rowid % ? = 0 AND c.short_name IS NOT NULL AND cc.mobile IS NOT NULL AND c.status = 'active' LIMIT ?`,
    )
    .all(Math.max(1, Math.floor(total / (count * 1.5))), count) as SampleCustomer[];
  if (rows.length === 0) throw new Error('The seeded file has no customers to sample');
  return rows;
}

const SCREEN: Goal = { path: 'http', p95UnderMs: 10 };
const SEARCH: Goal = { path: 'dispatch', p95UnderMs: 5 };
const VIEW: Goal = { path: 'http', p95UnderMs: 5 };

export async function benchCustomers(ctx: BenchContext): Promise<BenchRow[]> {
  const product = await ctx.product();
  const sqlite = product.backend.conn.sqlite;
  const sample = sampleCustomers(sqlite);
  const at = <T>(values: T[], k: number) => values[k % values.length]!;
  const initials = sample.map((s) => spell(s.name).initials.join(''));
  const active = sqlite.prepare("SELECT n FROM row_counts WHERE subject = 'customers:active'").pluck().get() as number;
  const deepPage = Math.max(2, Math.floor(active / 2 / 50));
  const deepAfter = sqlite.prepare("SELECT code FROM customers WHERE status = 'active' ORDER BY code LIMIT 1 OFFSET ?").pluck().get((deepPage - 1) * 50 - 1) as string;
  const page = bestPage(sqlite);
  const pageAfter = bestPageAfter(sqlite);
  const search = bestSearch(sqlite, LIST_SEARCH_BOUND);
  const shortSearch = bestSearch(sqlite, SHORT_SEARCH_BOUND);
  const palette = bestPalette(sqlite, PALETTE_SEARCH_BOUND);
  const view = bestView(sqlite);
  const today = businessDateIn((sqlite.prepare('SELECT time_zone FROM company').pluck().get() as string | undefined) ?? 'Asia/Shanghai');
  const rows: BenchRow[] = [];
  const screen = async (spec: Parameters<typeof measureScreen>[1]) => rows.push(await measureScreen(ctx, spec));

  await screen({
    area: 'customers',
    what: `\`customers.list\` first page of ${active.toLocaleString('en')} (by code)`,
    calls: () => [['customers.list', { page: 1, pageSize: 50 }]],
    samples: 1,
    overHttp: true,
    best: { label: 'keys and rows in one statement', run: () => page(0) },
    goal: SCREEN,
  });
  await screen({
    area: 'customers',
    what: `\`customers.list\` page ${deepPage.toLocaleString('en')} (offset ${((deepPage - 1) * 50).toLocaleString('en')})`,
    calls: () => [['customers.list', { page: deepPage, pageSize: 50 }]],
    samples: 1,
    overHttp: true,
    best: { label: 'keyset: the 50 codes after the last one seen', run: () => pageAfter(deepAfter) },
    goal: SCREEN,
  });

  const searches: [string, (k: number) => string][] = [
    ['pinyin initials (e.g. `njby`)', (k) => at(initials, k).slice(0, 4)],
    ['full pinyin prefix (9 letters)', (k) => at(sample, k).name_pinyin.slice(0, 9)],
    ['short name in Chinese', (k) => at(sample, k).short_name],
    ['mobile (full number)', (k) => at(sample, k).mobile],
    ['the last 4 digits of a mobile', (k) => at(sample, k).mobile.slice(-4)],
    ['two letters (initials, e.g. `nj`)', (k) => at(initials, k).slice(0, 2)],
    ['one letter', (k) => at(initials, k).slice(0, 1)],
  ];
  for (const [kind, q] of searches) {
    const fts = (k: number) => toFtsQuery(q(k)) ?? '';
    await screen({
      area: 'customers',
      what: `search in the list by ${kind}`,
      calls: (k) => [['customers.list', { q: q(k), pageSize: 50 }]],
      samples: sample.length,
      overHttp: true,
      ...(kind === 'one letter' ? {} : { best: { label: 'the bounded matches, page and rows in one statement', run: (k: number) => (listSearchBound(q(k)) === SHORT_SEARCH_BOUND ? shortSearch : search)(fts(k)) } }),
      goal: SEARCH,
    });
  }
  for (const [kind, q] of searches.filter(([kind]) => /initials|Chinese|two letters|one letter|last 4/.test(kind))) {
    await screen({
      area: 'customers',
      what: `palette \`customers.search\` by ${kind}`,
      calls: (k) => [['customers.search', { q: q(k), limit: 8 }]],
      samples: sample.length,
      overHttp: false,
      ...(kind === 'one letter' ? {} : { best: { label: 'ranked bounded matches joined in one statement', run: (k: number) => palette(toFtsQuery(q(k)) ?? '') } }),
      goal: SEARCH,
    });
  }

  await screen({
    area: 'customers',
    what: '360° view: `customers.view` (record, figures, first 20 timeline entries)',
    calls: (k) => [['customers.view', { id: at(sample, k).id, timelinePageSize: 20 }]],
    samples: sample.length,
    overHttp: true,
    best: { label: 'one JSON statement', run: (k) => view(at(sample, k).id, today) },
    goal: VIEW,
  });
  await screen({
    area: 'customers',
    what: '360° view the old way: `customers.get` + `customers.overview` + `customers.timeline`',
    calls: (k) => {
      const id = at(sample, k).id;
      return [
        ['customers.get', { id }],
        ['customers.overview', { id }],
        ['customers.timeline', { customerId: id, pageSize: 20 }],
      ];
    },
    samples: sample.length,
    overHttp: true,
    best: { label: 'one JSON statement', run: (k) => view(at(sample, k).id, today) },
  });
  return rows;
}
