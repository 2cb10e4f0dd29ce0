import type { PaletteFinder } from '../area';
import { searchCustomers } from './customers.search';

/**
 * Customers in the command palette: by name, short name, pinyin or its initials, code, phone; the
 * caller's own only. The line under the name says who to call: the primary contact and a mobile.
 */
export const findCustomers: PaletteFinder = {
  kind: 'customer',
  permission: 'customers.read',
  async find(ctx, query, limit) {
    const hits = await searchCustomers(ctx.db, { q: query, limit, includeArchived: false }, await ctx.dataScope());
    const ids = hits.map((h) => h.id);
    const reach = ids.length
      ? await ctx.db
          .selectFrom('customers as c')
          .leftJoin('customer_contacts as p', (join) => join.onRef('p.customer_id', '=', 'c.id').on('p.is_primary', '=', 1))
          .select(['c.id', 'c.mobile', 'p.name as contactName', 'p.mobile as contactMobile'])
          .where('c.id', 'in', ids)
          .execute()
      : [];
    const byId = new Map(reach.map((r) => [r.id, r]));
    return hits.map((h) => {
      const r = byId.get(h.id);
      return { kind: 'customer', id: h.id, title: h.name, subtitle: [h.code, r?.contactName, r?.contactMobile ?? r?.mobile].filter(Boolean).join(' · '), path: `/customers/${h.id}` };
    });
  },
};
