import { rolesExcept } from '../../api/permissions';
import { defineArea } from '../area';
import { CATALOG_CHECKS } from './catalog.checks';
import { catalogContract } from './catalog.contract';
import { findProducts } from './catalog.finders';
import { catalogHandlers } from './catalog.handlers';
import { PRICE_LIST_SERIES } from './catalog.prices';
import { PRODUCT_SERIES } from './catalog.products';
import { catalogScaleCounts, seedCatalog } from './catalog.seed';

/** 商品与价格: products, categories, substitutes, price lists and the price a customer pays. */
export const catalogArea = defineArea({
  name: 'catalog',
  contract: catalogContract,
  handlers: catalogHandlers,
  permissions: {
    'catalog.read': rolesExcept(),
    'catalog.write': ['owner', 'manager', 'warehouse'],
    /** Price lists, list prices and standard costs. */
    'catalog.prices': ['owner', 'manager'],
  },
  series: [PRODUCT_SERIES, PRICE_LIST_SERIES],
  checks: CATALOG_CHECKS,
  finders: [findProducts],
  // After the customers (10), whose first few get their own price lists; before what sells products.
  seed: {
    order: 12,
    run: (conn, { scale, random, asOf }) => seedCatalog(conn, { count: catalogScaleCounts[scale], seed: random.int(1, 2 ** 31 - 1), asOf }).products,
  },
});
