import type { HandlersFor } from '../area';
import * as categories from './catalog.categories';
import type { catalogContract } from './catalog.contract';
import { listProducts, lookupProducts } from './catalog.list';
import * as prices from './catalog.prices';
import * as products from './catalog.products';

export const catalogHandlers: HandlersFor<typeof catalogContract> = {
  'catalog.list': (input, ctx) => listProducts(ctx.db, input),
  'catalog.get': (input, ctx) => products.getProduct(ctx.db, input.id),
  'catalog.lookup': (input, ctx) => lookupProducts(ctx.db, input),
  'catalog.create': (input, ctx) => products.createProduct(ctx, input),
  'catalog.update': (input, ctx) => products.updateProduct(ctx, input),
  'catalog.archive': (input, ctx) => products.setProductStatus(ctx, input.id, 'archived'),
  'catalog.restore': (input, ctx) => products.setProductStatus(ctx, input.id, 'active'),
  'catalog.substitutes': (input, ctx) => products.substitutesFor(ctx.db, input.productId),

  'catalog.listCategories': (_input, ctx) => categories.listCategories(ctx.db),
  'catalog.saveCategory': (input, ctx) => categories.saveCategory(ctx, input),
  'catalog.removeCategory': async (input, ctx) => {
    await categories.removeCategory(ctx, input.id);
    return null;
  },

  'catalog.listPriceLists': (input, ctx) => prices.listPriceLists(ctx.db, input),
  'catalog.getPriceList': (input, ctx) => prices.getPriceList(ctx.db, input.id),
  'catalog.createPriceList': (input, ctx) => prices.createPriceList(ctx, input),
  'catalog.updatePriceList': (input, ctx) => prices.updatePriceList(ctx, input),
  'catalog.archivePriceList': (input, ctx) => prices.setPriceListStatus(ctx, input.id, 'archived'),
  'catalog.restorePriceList': (input, ctx) => prices.setPriceListStatus(ctx, input.id, 'active'),
  'catalog.priceListItems': (input, ctx) => prices.priceListItems(ctx.db, input),
  'catalog.setPrices': (input, ctx) => prices.setPrices(ctx, input),
  'catalog.priceFor': (input, ctx) => prices.priceFor(ctx.db, input),
};
