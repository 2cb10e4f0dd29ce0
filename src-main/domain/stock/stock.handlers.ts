import type { HandlersFor } from '../area';
import { createAdjustment, getAdjustment, listAdjustments } from './stock.adjustments';
import type { stockContract } from './stock.contract';
import { cancelCount, enterCounts, getCount, listCounts, openCount, postCount } from './stock.counts';
import { listMoves } from './stock.history';
import { findProducts, productStock, stockOverview } from './stock.overview';
import { saveRules, stockSettings, updateStockSettings } from './stock.replenishment-rules';
import { listSerials } from './stock.serial-list';
import { createTransfer, getTransfer, listTransfers } from './stock.transfers';
import { createWarehouse, listWarehouses, setWarehouseStatus, updateWarehouse } from './stock.warehouses';

export const stockHandlers: HandlersFor<typeof stockContract> = {
  'stock.listWarehouses': (input, ctx) => listWarehouses(ctx.db, input.includeArchived),
  'stock.createWarehouse': (input, ctx) => createWarehouse(ctx, input),
  'stock.updateWarehouse': (input, ctx) => updateWarehouse(ctx, input),
  'stock.archiveWarehouse': (input, ctx) => setWarehouseStatus(ctx, input.id, 'archived'),
  'stock.restoreWarehouse': (input, ctx) => setWarehouseStatus(ctx, input.id, 'active'),

  'stock.overview': (input, ctx) => stockOverview(ctx.db, input),
  'stock.moves': (input, ctx) => listMoves(ctx.db, input),
  'stock.productStock': (input, ctx) => productStock(ctx.db, input.productId),
  'stock.findProducts': (input, ctx) => findProducts(ctx.db, input.q, input.limit),

  'stock.listAdjustments': (input, ctx) => listAdjustments(ctx.db, input),
  'stock.getAdjustment': (input, ctx) => getAdjustment(ctx.db, ctx.sqlite, input.id),
  'stock.createAdjustment': (input, ctx) => createAdjustment(ctx, input),

  'stock.listTransfers': (input, ctx) => listTransfers(ctx.db, input),
  'stock.getTransfer': (input, ctx) => getTransfer(ctx.db, input.id),
  'stock.createTransfer': (input, ctx) => createTransfer(ctx, input),

  'stock.listCounts': (input, ctx) => listCounts(ctx.db, input),
  'stock.getCount': (input, ctx) => getCount(ctx.db, input.id),
  'stock.openCount': (input, ctx) => openCount(ctx, input),
  'stock.enterCounts': (input, ctx) => enterCounts(ctx, input),
  'stock.postCount': (input, ctx) => postCount(ctx, input),
  'stock.cancelCount': (input, ctx) => cancelCount(ctx, input.id),

  'stock.serials': (input, ctx) => listSerials(ctx.db, input),
  'stock.saveRules': async (input, ctx) => saveRules(ctx, input),
  'stock.settings': async (_input, ctx) => stockSettings(ctx.sqlite),
  'stock.updateSettings': async (input, ctx) => updateStockSettings(ctx, input),
};
