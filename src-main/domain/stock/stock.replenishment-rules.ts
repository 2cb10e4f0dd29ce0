/**
 * Replenishment rules (安全库存、再订货点、再订货量) per product and warehouse, edited one product at
 * a time or in bulk, and the company's negative-stock setting.
 */
import type { z } from 'zod';
import { AppError, validationError } from '../../api/errors';
import { fieldIssue, type FieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { nowIso } from '../shared/ids';
import type { saveRulesInput } from './stock.contract';
import { productsOfLines } from './stock.documents';
import type { ReplenishmentRule, StockSettings } from './stock.dto';
import { negativeStockAllowed, readLevel } from './stock.ledger';
import { raiseReplenishmentOnRuleChange } from './stock.replenishment';

export const ALLOW_NEGATIVE_SETTING = 'stock.allowNegative';

export function saveRules(ctx: HandlerContext, input: z.output<typeof saveRulesInput>): ReplenishmentRule[] {
  const { sqlite } = ctx;
  productsOfLines(sqlite, input.rules, { allowArchived: true, listPath: 'rules' });
  const warehouse = statement(sqlite, 'SELECT status FROM warehouses WHERE id = ?').pluck();
  const issues: FieldIssue[] = [];
  input.rules.forEach((rule, i) => {
    const status = warehouse.get(rule.warehouseId) as string | undefined;
    if (!status) issues.push(fieldIssue(`rules.${i}.warehouseId`, 'not_found', { entity: 'warehouse' }));
    else if (status !== 'active') issues.push(fieldIssue(`rules.${i}.warehouseId`, 'archived', { entity: 'warehouse' }));
  });
  if (issues.length) throw validationError(issues);
  const previous = statement(sqlite, 'SELECT safety_stock, reorder_point, reorder_quantity FROM replenishment_rules WHERE product_id = ? AND warehouse_id = ?');
  const upsert = statement(
    sqlite,
    `INSERT INTO replenishment_rules (product_id, warehouse_id, safety_stock, reorder_point, reorder_quantity, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (product_id, warehouse_id) DO UPDATE SET safety_stock = excluded.safety_stock, reorder_point = excluded.reorder_point,
       reorder_quantity = excluded.reorder_quantity, updated_at = excluded.updated_at`,
  );
  const now = nowIso();
  const changed: { productId: string; warehouseId: string; before: unknown; after: Record<string, number> }[] = [];
  for (const rule of input.rules) {
    const before = previous.get(rule.productId, rule.warehouseId) as { safety_stock: number; reorder_point: number; reorder_quantity: number } | undefined;
    upsert.run(rule.productId, rule.warehouseId, rule.safetyStock, rule.reorderPoint, rule.reorderQuantity, now);
    const after = { safety_stock: rule.safetyStock, reorder_point: rule.reorderPoint, reorder_quantity: rule.reorderQuantity };
    if (JSON.stringify(before) !== JSON.stringify(after)) changed.push({ productId: rule.productId, warehouseId: rule.warehouseId, before: before ?? null, after });
    raiseReplenishmentOnRuleChange(sqlite, readLevel(sqlite, rule.productId, rule.warehouseId), before?.safety_stock ?? 0, { type: 'replenishment_rule', id: rule.productId });
  }
  if (changed.length) {
    ctx.audit({
      entityType: 'replenishmentRule',
      entityId: changed.length === 1 ? `${changed[0]!.productId}/${changed[0]!.warehouseId}` : '*',
      fields: { rules: { before: changed.map((c) => c.before), after: changed.map(({ productId, warehouseId, after }) => ({ productId, warehouseId, ...after })) } },
    });
  }
  return input.rules;
}

export function stockSettings(sqlite: Sqlite): StockSettings {
  return { allowNegative: negativeStockAllowed(sqlite) };
}

/** Turning negative stock off is refused while some stock is below zero: the books would break the rule they are about to enforce. */
export function updateStockSettings(ctx: HandlerContext, input: StockSettings): StockSettings {
  const before = stockSettings(ctx.sqlite);
  if (!input.allowNegative && before.allowNegative) {
    const below = statement(ctx.sqlite, 'SELECT count(*) FROM stock_levels WHERE on_hand < 0 OR on_hand - reserved < 0').pluck().get() as number;
    if (below > 0) throw new AppError('CONFLICT', below === 1 ? '1 product is below zero in some warehouse; bring it back first' : `${below} products are below zero in some warehouse; bring them back first`, [fieldIssue('allowNegative', 'negative_stock', { count: below })]);
  }
  statement(ctx.sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ALLOW_NEGATIVE_SETTING, JSON.stringify(input.allowNegative));
  ctx.audit({ entityType: 'settings', entityId: ALLOW_NEGATIVE_SETTING, fields: { allowNegative: { before: before.allowNegative, after: input.allowNegative } } });
  return stockSettings(ctx.sqlite);
}
