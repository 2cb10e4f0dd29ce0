/**
 * The catalog's invariants for `cli check`: the search index is a summary of the products, so it is
 * recomputed from them and compared; typed codes stay behind their series.
 */
import { codesBehindSeries, type InvariantCheck } from '../checks/invariants';
import { buildProductSearchDoc } from './catalog.search-text';

export const productSearchCoversEveryProduct: InvariantCheck = {
  name: 'the product search index covers every product',
  run(sqlite) {
    const differences: string[] = [];
    const rows = sqlite
      .prepare('SELECT p.code, p.name, p.spec, p.barcode, s.names, s.tokens FROM products p LEFT JOIN product_search s ON s.product_id = p.id ORDER BY p.code')
      .iterate() as IterableIterator<{ code: string; name: string; spec: string | null; barcode: string | null; names: string | null; tokens: string | null }>;
    for (const row of rows) {
      if (row.names === null) {
        differences.push(`product ${row.code} has no search text`);
        continue;
      }
      const doc = buildProductSearchDoc(row);
      if (doc.names !== row.names || doc.tokens !== row.tokens) differences.push(`product ${row.code}: its search text is stale`);
      if (differences.length >= 50) break;
    }
    // FTS5 compares its own index with the product_search rows it was built from.
    try {
      sqlite.prepare("INSERT INTO products_fts (products_fts, rank) VALUES ('integrity-check', 1)").run();
    } catch (error) {
      differences.push(`products_fts does not match product_search: ${(error as Error).message}`);
    }
    return differences;
  },
};

export const CATALOG_CHECKS: InvariantCheck[] = [
  productSearchCoversEveryProduct,
  codesBehindSeries({ name: 'product codes are behind their series', seriesCode: 'product', table: 'products' }),
  codesBehindSeries({ name: 'price list codes are behind their series', seriesCode: 'price_list', table: 'price_lists' }),
];
