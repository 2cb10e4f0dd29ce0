/** What the leads' search index holds (the customers' kind of text, leads_fts) and how a search reads it. */
import { sql, type RawBuilder } from 'kysely';
import { buildSearchDoc, toFtsQuery, type SearchDoc } from '../customers/customers.search-text';

/** Matches a lead search reads at most; past it the list says "约 500+ 条". */
export const LEAD_SEARCH_BOUND = 500;

/** The company is the name (pinyin read as a company's); the person is its contact. */
export function leadSearchDoc(lead: { code: string; name: string; company: string | null; mobile: string | null; email: string | null }): SearchDoc {
  return buildSearchDoc({
    kind: lead.company ? 'company' : 'individual',
    code: lead.code,
    name: lead.company ?? lead.name,
    shortName: null,
    creditCode: null,
    taxpayerId: null,
    mobile: lead.company ? null : lead.mobile,
    phone: null,
    contacts: lead.company ? [{ name: lead.name, mobile: lead.mobile, phone: null }] : [],
    emails: [lead.email],
  });
}

/** At most `bound + 1` lead ids (as `id`) matching `q`, from the index; null when `q` has nothing searchable. */
export function leadMatches(q: string, bound: number): RawBuilder<{ id: string }> | null {
  const fts = toFtsQuery(q);
  if (!fts) return null;
  return sql`SELECT ls.lead_id AS id
               FROM (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ${fts} LIMIT ${bound + 1}) hit
              CROSS JOIN lead_search ls ON ls.rowid = hit.rowid`;
}
