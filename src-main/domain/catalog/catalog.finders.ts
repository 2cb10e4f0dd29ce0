import type { PaletteFinder } from '../area';
import { lookupProducts } from './catalog.list';

/** Products in the command palette: by barcode, code, name, pinyin or initials. */
export const findProducts: PaletteFinder = {
  kind: 'product',
  permission: 'catalog.read',
  async find(ctx, query, limit) {
    const { products } = await lookupProducts(ctx.db, { q: query, limit });
    return products.map((p) => ({
      kind: 'product',
      id: p.id,
      title: p.name,
      subtitle: [p.code, p.spec, p.barcode].filter(Boolean).join(' · '),
      path: `/catalog/${p.id}`,
    }));
  },
};
