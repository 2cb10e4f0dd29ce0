/**
 * The replenishment screen's side of purchasing: the open requests the stock ledger raised, by
 * preferred supplier, turned into draft purchase orders (one per supplier and warehouse) or
 * dismissed. A request made into an order stays "ordered" until the goods arrive (receiving closes it).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { AppError, notFound, validationError } from '../../api/errors';
import { fieldIssue, type FieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { nowIso } from '../shared/ids';
import type { orderReplenishmentInput, purchasingContract } from './purchasing.contract';
import type { PurchaseOrderRow, ReplenishmentRow } from './purchasing.dto';
import { getOrder, insertOrder } from './purchasing.orders';
import { activeSupplier } from './purchasing.suppliers';

type Db = Kysely<Database>;
type ListInput = z.output<(typeof purchasingContract)['purchasing.replenishment']['input']>;

interface RequestRecord {
  id: string;
  product_id: string;
  product_code: string;
  product_name: string;
  unit: string;
  warehouse_id: string;
  warehouse_name: string;
  supplier_id: string | null;
  supplier_name: string | null;
  available_at_raise: number;
  available: number;
  safety_stock: number;
  reorder_point: number;
  suggested_quantity: number;
  incoming: number;
  unit_cost: number;
  source_type: string | null;
  raised_at: string;
}

export async function listReplenishment(db: Db, input: ListInput): Promise<Page<ReplenishmentRow>> {
  const where: RawBuilder<unknown>[] = [sql`r.status = 'open'`];
  if (input.warehouseId) where.push(sql`r.warehouse_id = ${input.warehouseId}`);
  if (input.supplierId) where.push(sql`p.preferred_supplier_id = ${input.supplierId}`);
  const whereSql = sql.join(where, sql` AND `);
  const [{ rows }, counted] = await Promise.all([
    sql<RequestRecord>`
      SELECT r.id, r.product_id, p.code AS product_code, p.name AS product_name, p.unit, r.warehouse_id, w.name AS warehouse_name,
        s.id AS supplier_id, s.name AS supplier_name, r.available_at_raise, coalesce(lv.on_hand - lv.reserved, 0) AS available,
        coalesce(rr.safety_stock, 0) AS safety_stock, coalesce(rr.reorder_point, 0) AS reorder_point, r.suggested_quantity,
        (SELECT coalesce(sum(l.quantity - l.received_quantity), 0) FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.purchase_order_id
          WHERE l.product_id = r.product_id AND o.warehouse_id = r.warehouse_id AND o.status IN ('confirmed', 'partly_received')) AS incoming,
        CASE WHEN coalesce(lv.avg_cost, 0) > 0 THEN lv.avg_cost ELSE p.standard_cost END AS unit_cost,
        r.source_type, r.raised_at
      FROM replenishment_requests r
      JOIN products p ON p.id = r.product_id
      JOIN warehouses w ON w.id = r.warehouse_id
      LEFT JOIN suppliers s ON s.id = p.preferred_supplier_id
      LEFT JOIN stock_levels lv ON lv.product_id = r.product_id AND lv.warehouse_id = r.warehouse_id
      LEFT JOIN replenishment_rules rr ON rr.product_id = r.product_id AND rr.warehouse_id = r.warehouse_id
      WHERE ${whereSql}
      ORDER BY s.name_pinyin IS NULL, s.name_pinyin, s.id, p.code, w.code
      LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`.execute(db),
    sql<{ total: number }>`SELECT count(*) AS total FROM replenishment_requests r JOIN products p ON p.id = r.product_id WHERE ${whereSql}`.execute(db),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      productId: r.product_id,
      productCode: r.product_code,
      productName: r.product_name,
      unit: r.unit,
      warehouseId: r.warehouse_id,
      warehouseName: r.warehouse_name,
      supplierId: r.supplier_id,
      supplierName: r.supplier_name,
      availableAtRaise: r.available_at_raise,
      available: r.available,
      safetyStock: r.safety_stock,
      reorderPoint: r.reorder_point,
      suggestedQuantity: r.suggested_quantity,
      incoming: r.incoming,
      unitCost: r.unit_cost,
      sourceType: r.source_type,
      raisedAt: r.raised_at,
    })),
    total: counted.rows[0]?.total ?? 0,
    totalIsExact: true,
  };
}

interface OpenRequest {
  id: string;
  product_id: string;
  warehouse_id: string;
  status: string;
  suggested_quantity: number;
  preferred_supplier_id: string | null;
  unit_cost: number;
}

/** One draft purchase order per supplier and warehouse, priced at the current cost (tax-exclusive). */
export async function orderReplenishment(ctx: HandlerContext, input: z.output<typeof orderReplenishmentInput>): Promise<PurchaseOrderRow[]> {
  const { sqlite } = ctx;
  const find = statement(
    sqlite,
    `SELECT r.id, r.product_id, r.warehouse_id, r.status, r.suggested_quantity, p.preferred_supplier_id,
       CASE WHEN coalesce(lv.avg_cost, 0) > 0 THEN lv.avg_cost ELSE p.standard_cost END AS unit_cost
     FROM replenishment_requests r JOIN products p ON p.id = r.product_id
     LEFT JOIN stock_levels lv ON lv.product_id = r.product_id AND lv.warehouse_id = r.warehouse_id WHERE r.id = ?`,
  );
  const issues: FieldIssue[] = [];
  const groups = new Map<string, { supplierId: string; warehouseId: string; lines: { request: OpenRequest; quantity: number }[] }>();
  const seen = new Set<string>();
  input.requests.forEach((choice, i) => {
    const request = find.get(choice.id) as OpenRequest | undefined;
    if (!request) return issues.push(fieldIssue(`requests.${i}.id`, 'not_found', { entity: 'replenishment_request' }));
    if (request.status !== 'open') return issues.push(fieldIssue(`requests.${i}.id`, 'invalid_transition', { from: request.status, to: 'ordered' }));
    if (seen.has(request.id)) return issues.push(fieldIssue(`requests.${i}.id`, 'listed_twice'));
    seen.add(request.id);
    const supplierId = choice.supplierId ?? request.preferred_supplier_id;
    if (!supplierId) return issues.push(fieldIssue(`requests.${i}.supplierId`, 'required'));
    activeSupplier(sqlite, supplierId, `requests.${i}.supplierId`);
    const key = `${supplierId}|${request.warehouse_id}`;
    const group = groups.get(key) ?? { supplierId, warehouseId: request.warehouse_id, lines: [] };
    group.lines.push({ request, quantity: choice.quantity ?? request.suggested_quantity });
    groups.set(key, group);
  });
  if (issues.length) throw validationError(issues);

  const markOrdered = statement(sqlite, "UPDATE replenishment_requests SET status = 'ordered', purchase_order_id = ? WHERE id = ?");
  const made: PurchaseOrderRow[] = [];
  for (const group of groups.values()) {
    const { id, no } = await insertOrder(ctx, {
      supplierId: group.supplierId,
      warehouseId: group.warehouseId,
      taxInclusive: false,
      ...(input.expectedDate ? { expectedDate: input.expectedDate } : {}),
      lines: group.lines.map((l) => ({ productId: l.request.product_id, quantity: l.quantity, unitPrice: l.request.unit_cost })),
    });
    for (const line of group.lines) markOrdered.run(id, line.request.id);
    const { lines: _lines, receipts: _receipts, ...row } = await getOrder(ctx.db, id);
    made.push(row);
    ctx.audit({ entityType: 'purchase_order', entityId: id, fields: { created: { before: null, after: { no, fromRequests: group.lines.map((l) => l.request.id) } } } });
  }
  return made;
}

export function dismissRequest(ctx: HandlerContext, id: string): { id: string } {
  const status = statement(ctx.sqlite, 'SELECT status FROM replenishment_requests WHERE id = ?').pluck().get(id) as string | undefined;
  if (!status) throw notFound('Replenishment request', id);
  if (status !== 'open') throw new AppError('CONFLICT', `Replenishment request ${id} is ${status}`, [fieldIssue('id', 'invalid_transition', { from: status, to: 'dismissed' })]);
  statement(ctx.sqlite, "UPDATE replenishment_requests SET status = 'dismissed', closed_at = ? WHERE id = ?").run(nowIso(), id);
  ctx.audit({ entityType: 'replenishment_request', entityId: id, fields: { status: { before: 'open', after: 'dismissed' } } });
  return { id };
}
