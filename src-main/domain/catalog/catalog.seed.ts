/**
 * The demo catalog: categories, products (cases of 24, serial-tracked equipment, consumables with a
 * re-order interval, spare parts, services), substitutes, a standard price list with quantity breaks,
 * tier lists for 银卡 / 金卡 / 钻石, a dated offer and a few customers' own lists. Deterministic for a
 * seed; written with prepared statements in one transaction.
 */
import type { Connection } from '../../db/connection';
import { SeededRandom } from '../../seed/random';
import { addDays, businessDateIn } from '../core/dates';
import { allocateNumbers } from '../core/numbering';
import { pinyinSortKey } from '../customers/customers.search-text';
import { newId } from '../shared/ids';
import { PRICE_LIST_SERIES } from './catalog.prices';
import { PRODUCT_SERIES } from './catalog.products';
import { ean13 } from './catalog.rules';
import { buildProductSearchDoc } from './catalog.search-text';
import { CATEGORY_TREE, HOUSE_BRANDS, HOUSE_FLAVOURS, HOUSE_ITEMS, HOUSE_SPECS, SEED_ITEMS, SEED_SUBSTITUTES, type SeedItem } from './catalog.seed-data';
import type { VatRate } from './catalog.dto';

export const catalogScaleCounts = { small: 200, medium: 500, large: 2000 } as const;

export interface SeedCatalogOptions {
  count: number;
  seed: number;
  /** Business date the dated offer is around (defaults to today in Asia/Shanghai). */
  asOf?: string;
}

export interface SeedCatalogResult {
  products: number;
  categories: number;
  priceLists: number;
  prices: number;
}

interface Draft {
  category: string;
  name: string;
  spec: string | null;
  unit: string;
  pack: string | null;
  factor: number | null;
  vat: VatRate;
  flags: string;
  reorderDays: number | null;
  fen: number;
}

/** A cola sold by the can in its 330ml can and by the bottle in its 2L bottle: the spec says which. */
function unitOfSpec(spec: string | null, unit: string): string {
  if (spec?.includes('瓶装')) return '瓶';
  if (spec?.includes('罐装')) return '罐';
  return unit;
}

/** The curated items first, then house-brand products until there are `count`. */
function drafts(count: number): Draft[] {
  const list: Draft[] = SEED_ITEMS.flatMap((item: SeedItem) =>
    item.specs.map(([spec, yuan, factor]) => ({
      category: item.category,
      name: item.name,
      spec,
      unit: unitOfSpec(spec, item.unit),
      pack: item.pack && factor ? item.pack : null,
      factor: item.pack && factor ? factor : null,
      vat: item.vat,
      flags: item.flags ?? 's',
      reorderDays: item.reorderDays ?? null,
      fen: Math.round(yuan * 100),
    })),
  );
  outer: for (const flavour of HOUSE_FLAVOURS) {
    for (const spec of HOUSE_SPECS) {
      for (const brand of HOUSE_BRANDS) {
        for (const item of HOUSE_ITEMS) {
          if (list.length >= count) break outer;
          const consumable = item.category === '打包餐盒';
          list.push({
            category: item.category,
            name: `${brand}${flavour}${item.noun}`,
            spec,
            unit: item.unit,
            pack: '箱',
            factor: item.factor,
            vat: item.vat,
            flags: consumable ? 'sc' : 's',
            reorderDays: consumable ? 21 : null,
            fen: Math.round(item.yuan * 100 * (1 + HOUSE_SPECS.indexOf(spec) * 0.15)),
          });
        }
      }
    }
  }
  return list.slice(0, count);
}

export function seedCatalog(conn: Connection, options: SeedCatalogOptions): SeedCatalogResult {
  const random = new SeededRandom(options.seed);
  const asOf = options.asOf ?? businessDateIn('Asia/Shanghai');
  const db = conn.sqlite;
  const insertCategory = db.prepare('INSERT INTO product_categories (id, parent_id, name, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertProduct = db.prepare(
    `INSERT INTO products (id, code, name, name_pinyin, spec, category_id, unit, second_unit, second_unit_factor, barcode, vat_rate, list_price, standard_cost,
       is_stocked, is_service, is_spare_part, is_consumable, reorder_interval_days, is_serial_tracked, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
  );
  const insertSearch = db.prepare('INSERT INTO product_search (product_id, names, tokens) VALUES (?, ?, ?)');
  const insertSubstitute = db.prepare('INSERT OR IGNORE INTO product_substitutes (product_id, substitute_id, rank) VALUES (?, ?, ?)');
  const insertList = db.prepare(
    `INSERT INTO price_lists (id, code, name, kind, tier, customer_id, tax_inclusive, valid_from, valid_to, status, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 'active', ?, ?, ?)`,
  );
  const insertItem = db.prepare('INSERT INTO price_list_items (id, price_list_id, product_id, min_quantity, unit_price) VALUES (?, ?, ?, ?, ?)');

  const run = db.transaction((): SeedCatalogResult => {
    const now = new Date().toISOString();
    const categoryIds = new Map<string, string>();
    CATEGORY_TREE.forEach(([parent, children], i) => {
      const parentId = newId();
      categoryIds.set(parent, parentId);
      insertCategory.run(parentId, null, parent, (i + 1) * 10, now, now);
      children.forEach((child, j) => {
        const id = newId();
        categoryIds.set(child, id);
        insertCategory.run(id, parentId, child, (j + 1) * 10, now, now);
      });
    });

    const products = drafts(options.count);
    const { numbers: codes } = allocateNumbers(db, PRODUCT_SERIES, products.length, asOf);
    // Bulk load: index the search text once at the end instead of row by row through the trigger.
    const searchTrigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'product_search_ai'").pluck().get() as string;
    db.exec('DROP TRIGGER product_search_ai');
    const byName = new Map<string, string>();
    const seeded: { id: string; draft: Draft }[] = [];
    products.forEach((d, i) => {
      const id = newId();
      const code = codes[i]!;
      const service = d.flags.includes('v');
      // Services and one in ten bulk goods have no barcode; the rest get an EAN-13 under a 690 company prefix.
      const barcode = service || random.chance(0.1) ? null : ean13(`690${String(100_000_000 + i * 7919 + random.int(0, 7000)).slice(-9)}`);
      const cost = Math.round((d.fen / (1 + d.vat / 10_000)) * (0.62 + random.next() * 0.18));
      insertProduct.run(
        id,
        code,
        d.name,
        pinyinSortKey(d.name),
        d.spec,
        categoryIds.get(d.category) ?? null,
        d.unit,
        d.pack,
        d.factor,
        barcode,
        d.vat,
        d.fen,
        service ? 0 : cost,
        service ? 0 : 1,
        service ? 1 : 0,
        d.flags.includes('p') ? 1 : 0,
        d.flags.includes('c') ? 1 : 0,
        d.reorderDays,
        d.flags.includes('n') ? 1 : 0,
        now,
        now,
      );
      const doc = buildProductSearchDoc({ code, name: d.name, spec: d.spec, barcode });
      insertSearch.run(id, doc.names, doc.tokens);
      if (!byName.has(d.name)) byName.set(d.name, id);
      seeded.push({ id, draft: d });
    });
    db.exec(searchTrigger);
    db.exec("INSERT INTO products_fts (products_fts) VALUES ('rebuild')");

    for (const [name, alternatives] of SEED_SUBSTITUTES) {
      const productId = byName.get(name);
      alternatives.forEach((alternative, rank) => {
        const substituteId = byName.get(alternative);
        if (productId && substituteId) insertSubstitute.run(productId, substituteId, rank + 1);
      });
    }

    // Price lists: a standard list over every product, tiers over the goods (equipment is quoted), a
    // dated offer on snacks around asOf, and the first customers' own agreements on drinks.
    const customers = db.prepare("SELECT id, name FROM customers WHERE status = 'active' ORDER BY code LIMIT 3").all() as { id: string; name: string }[];
    const lists: { name: string; kind: 'standard' | 'tier' | 'customer'; tier?: string; customerId?: string; from?: string; to?: string; off: number; applies: (d: Draft) => boolean; notes?: string }[] = [
      { name: '标准价目表', kind: 'standard', off: 0, applies: () => true, notes: '整箱 97 折，10 箱以上 94 折' },
      { name: '银卡客户价', kind: 'tier', tier: '银卡', off: 3, applies: (d) => !d.flags.includes('n') },
      { name: '金卡客户价', kind: 'tier', tier: '金卡', off: 6, applies: (d) => !d.flags.includes('n') },
      { name: '钻石客户价', kind: 'tier', tier: '钻石', off: 10, applies: (d) => !d.flags.includes('n') && !d.flags.includes('v') },
      { name: '休闲食品限时促销', kind: 'standard', from: addDays(asOf, -10), to: addDays(asOf, 20), off: 15, applies: (d) => ['膨化食品', '饼干糕点', '糖果巧克力'].includes(d.category) && d.pack !== null },
      ...customers.map((c) => ({ name: `${c.name}协议价`, kind: 'customer' as const, customerId: c.id, off: 8, applies: (d: Draft) => ['饮用水', '碳酸饮料', '茶饮果汁'].includes(d.category) })),
    ];
    const { numbers: listCodes } = allocateNumbers(db, PRICE_LIST_SERIES, lists.length, asOf);
    let prices = 0;
    lists.forEach((list, i) => {
      const listId = newId();
      insertList.run(listId, listCodes[i], list.name, list.kind, list.tier ?? null, list.customerId ?? null, list.from ?? null, list.to ?? null, list.notes ?? null, now, now);
      for (const { id, draft } of seeded) {
        if (!list.applies(draft)) continue;
        const at = (percentOff: number) => Math.round((draft.fen * (100 - percentOff)) / 100);
        insertItem.run(newId(), listId, id, 1, at(list.off));
        prices++;
        // Quantity breaks by the case: one case, then ten.
        if (draft.factor) {
          insertItem.run(newId(), listId, id, draft.factor, at(list.off + 3));
          insertItem.run(newId(), listId, id, draft.factor * 10, at(list.off + 6));
          prices += 2;
        }
      }
    });
    return { products: products.length, categories: categoryIds.size, priceLists: lists.length, prices };
  });
  return run();
}
