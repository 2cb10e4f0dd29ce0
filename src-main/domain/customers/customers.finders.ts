import type { PaletteFinder } from '../area';
import { searchCustomers } from './customers.search';

/** Customers in the command palette: by name, short name, pinyin or its initials, code, phone; the caller's own only. */
export const findCustomers: PaletteFinder = {
  kind: 'customer',
  permission: 'customers.read',
  async find(ctx, query, limit) {
    const hits = await searchCustomers(ctx.db, { q: query, limit, includeArchived: false }, await ctx.dataScope());
    return hits.map((h) => ({ kind: 'customer', id: h.id, title: h.name, subtitle: [h.code, h.shortName].filter(Boolean).join(' · '), path: `/customers/${h.id}` }));
  },
};
