/** Leads and deals in the command palette, within the caller's data scope as on their lists. */
import { sql } from 'kysely';
import type { PaletteFinder } from '../area';
import { likeAny } from './leads.repository';
import { OPEN_STAGES } from './leads.contract';
import { leadMatches } from './leads.search';
import { dealVisible, leadVisible } from './leads.scope';

/** Matches read from the index before the scope filters them: a salesperson's few leads are among them. */
const FINDER_BOUND = 200;

/** By name, company, their pinyin or initials, code or mobile (leads_fts); the newest first. */
export const findLeads: PaletteFinder = {
  kind: 'lead',
  permission: 'leads.read',
  async find(ctx, query, limit) {
    const matches = leadMatches(query, FINDER_BOUND);
    if (!matches) return [];
    const visible = leadVisible(await ctx.dataScope());
    const { rows } = await sql<{ id: string; code: string; name: string; company: string | null; mobile: string | null }>`
      SELECT l.id, l.code, l.name, l.company, l.mobile
        FROM (${matches}) f CROSS JOIN leads l ON l.id = f.id
       ${visible ? sql`WHERE ${visible}` : sql``}
       ORDER BY l.created_at DESC, l.id DESC LIMIT ${limit}`.execute(ctx.db);
    return rows.map((r) => ({
      kind: 'lead',
      id: r.id,
      title: r.company ?? r.name,
      subtitle: [r.code, r.company ? r.name : null, r.mobile].filter(Boolean).join(' · '),
      path: `/leads?open=${r.id}`,
    }));
  },
};

/** By title or the customer's or lead's name; open deals first, then the latest closed. */
export const findDeals: PaletteFinder = {
  kind: 'deal',
  permission: 'leads.read',
  async find(ctx, query, limit) {
    const like = likeAny(query);
    const visible = dealVisible(await ctx.dataScope());
    const { rows } = await sql<{ id: string; title: string; party: string | null; stage: string }>`
      SELECT o.id, o.title, coalesce(c.name, l.company, l.name) AS party, o.stage
        FROM opportunities o LEFT JOIN customers c ON c.id = o.customer_id LEFT JOIN leads l ON l.id = o.lead_id
       WHERE (o.title LIKE ${like} ESCAPE '\\' OR c.name LIKE ${like} ESCAPE '\\' OR l.company LIKE ${like} ESCAPE '\\')
         ${visible ? sql`AND ${visible}` : sql``}
       ORDER BY o.stage NOT IN (${sql.join([...OPEN_STAGES])}), o.updated_at DESC LIMIT ${limit}`.execute(ctx.db);
    return rows.map((r) => ({ kind: 'deal', id: r.id, title: r.title, subtitle: r.party, path: `/leads/board?open=${r.id}` }));
  },
};
