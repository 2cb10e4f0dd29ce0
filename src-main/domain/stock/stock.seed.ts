/**
 * The demo stock and purchasing: warehouses, suppliers, opening balances (with serials for
 * serial-tracked goods), replenishment rules, purchase orders in every state, a transfer and a
 * posted count. Everything goes through the area's own documents, so every figure has the moves
 * behind it. Uses the catalog's stocked products; with none, only warehouses and suppliers.
 */
import type { Connection } from '../../db/connection';
import type { SeedOptions } from '../area';
import type { HandlerContext } from '../context';
import { addDays } from '../core/dates';
import { insertOrder, setOrderStatus } from '../purchasing/purchasing.orders';
import { receiveGoods } from '../purchasing/purchasing.receiving';
import { createSupplier } from '../purchasing/purchasing.suppliers';
import { createAdjustment } from './stock.adjustments';
import { enterCounts, openCount, postCount } from './stock.counts';
import { saveRules } from './stock.replenishment-rules';
import { createTransfer } from './stock.transfers';
import { createWarehouse } from './stock.warehouses';
import { EVERYTHING } from '../users/data-scope';

const WAREHOUSES = [
  { code: 'WH01', name: '总仓', address: '南京市江宁区秣陵街道将军大道88号' },
  { code: 'WH02', name: '门店仓', address: '南京市鼓楼区中山北路1号' },
  { code: 'WH03', name: '苏州分仓', address: '苏州市工业园区星湖街328号' },
];

const SUPPLIERS = [
  { name: '华星电子科技有限公司', contactName: '刘洋', mobile: '13851234567', leadTimeDays: 5, paymentTermsDays: 30 },
  { name: '上海申达贸易有限公司', contactName: '王磊', mobile: '13761234567', leadTimeDays: 3, paymentTermsDays: 15 },
  { name: '杭州恒远食品有限公司', contactName: '陈丽', mobile: '13957123456', leadTimeDays: 7, paymentTermsDays: 30 },
  { name: '苏州恒通建材有限公司', contactName: '张伟', mobile: '13962112345', leadTimeDays: 10, paymentTermsDays: 45 },
  { name: '广州粤华包装材料厂', contactName: '黄敏', mobile: '13802212345', leadTimeDays: 12, paymentTermsDays: 60 },
  { name: '南京博远办公用品有限公司', contactName: '李娜', mobile: '13770012345', leadTimeDays: 2, paymentTermsDays: 0 },
];

const SCALE = { small: { products: 40, orders: 6 }, medium: { products: 150, orders: 20 }, large: { products: 400, orders: 60 } } as const;

interface SeedProduct {
  id: string;
  standard_cost: number;
  is_serial_tracked: number;
  vat_rate: number;
}

/** The seeder acts as the system, not as a signed-in user, and writes no audit rows (like the other areas' seeds). */
export function seedContext(conn: Connection): HandlerContext {
  return {
    db: conn.db,
    sqlite: conn.sqlite,
    user: null,
    session: { user: null },
    transport: 'cli',
    signal: new AbortController().signal,
    audit: () => undefined,
    security: () => undefined,
    progress: () => undefined,
    revokeSessionsOf: () => undefined,
    layOutPdf: () => Promise.reject(new Error('The seeder lays out no PDFs')),
    can: () => true,
    permissions: () => [],
    dataScope: async () => EVERYTHING,
    areas: { customerTimeline: [], customerFigures: [], finders: [], series: [], printables: [], workbenchCards: [] },
  };
}

export async function seedStock(conn: Connection, options: SeedOptions): Promise<number> {
  const { random } = options;
  const ctx = seedContext(conn);
  const sqlite = conn.sqlite;
  if (sqlite.prepare('SELECT 1 FROM warehouses').get()) return 0;
  const today = options.asOf;
  const opening = addDays(today, -90);
  sqlite.exec('BEGIN');
  try {
    const warehouses: string[] = [];
    for (const w of WAREHOUSES.slice(0, options.scale === 'small' ? 2 : 3)) warehouses.push((await createWarehouse(ctx, { ...w, isDefault: w.code === 'WH01' })).id);
    const suppliers: string[] = [];
    for (const [i, s] of SUPPLIERS.entries()) suppliers.push((await createSupplier(ctx, { code: `S${String(i + 1).padStart(4, '0')}`, ...s })).id);

    const products = sqlite
      .prepare("SELECT id, standard_cost, is_serial_tracked, vat_rate FROM products WHERE is_stocked = 1 AND status = 'active' ORDER BY code LIMIT ?")
      .all(SCALE[options.scale].products) as SeedProduct[];
    if (products.length === 0) {
      sqlite.exec('COMMIT');
      return warehouses.length + suppliers.length;
    }
    const setSupplier = sqlite.prepare('UPDATE products SET preferred_supplier_id = ? WHERE id = ? AND preferred_supplier_id IS NULL');
    for (const p of products) setSupplier.run(random.pick(suppliers), p.id);

    let serialNo = 0;
    const costOf = (p: SeedProduct) => p.standard_cost || random.int(5, 500) * 100;
    for (const [w, warehouseId] of warehouses.entries()) {
      const held = products.filter((_, i) => w === 0 || i % (w + 2) === 0);
      await createAdjustment(ctx, {
        warehouseId,
        kind: 'opening',
        adjustmentDate: opening,
        notes: '期初库存',
        lines: held.map((p) => {
          const quantity = p.is_serial_tracked ? random.int(2, 6) : random.int(20, 300);
          const serials = p.is_serial_tracked ? Array.from({ length: quantity }, () => `SN-DEMO-${String(++serialNo).padStart(6, '0')}`) : [];
          return { productId: p.id, quantity, unitCost: costOf(p), serials };
        }),
      });
    }

    // A safety stock on every fourth product in the main warehouse; the low ones raise requests.
    const ruled = products.filter((_, i) => i % 4 === 0);
    saveRules(ctx, {
      rules: ruled.map((p, i) => {
        const safetyStock = i < 2 || random.chance(0.3) ? 400 : random.int(10, 40);
        return { productId: p.id, warehouseId: warehouses[0]!, safetyStock, reorderPoint: safetyStock * 2, reorderQuantity: safetyStock * 3 };
      }),
    });

    const plain = products.filter((p) => !p.is_serial_tracked);
    // Numbers follow the order dates, as they would have been issued day by day.
    const orderDates = Array.from({ length: SCALE[options.scale].orders }, () => addDays(today, -random.int(1, 60))).sort();
    for (const [n, orderDate] of orderDates.entries()) {
      const lines = Array.from(new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(plain)))).map((p) => ({
        productId: p.id,
        quantity: random.int(2, 20) * 10,
        unitPrice: Math.round((costOf(p) * (10_000 + p.vat_rate)) / 10_000),
      }));
      if (!lines.length) continue;
      const { id } = await insertOrder(ctx, { supplierId: random.pick(suppliers), warehouseId: random.pick(warehouses), orderDate, expectedDate: addDays(orderDate, random.int(3, 14)), taxInclusive: true, lines });
      const fate = n % 4;
      if (fate === 0) continue; // a draft
      await setOrderStatus(ctx, id, 'confirmed');
      if (fate === 1) continue; // ordered, nothing arrived yet
      const order = sqlite.prepare('SELECT id, quantity FROM purchase_order_lines WHERE purchase_order_id = ? ORDER BY line_no').all(id) as { id: string; quantity: number }[];
      const part = fate === 2;
      await receiveGoods(ctx, {
        id,
        receiptDate: addDays(orderDate, random.int(2, 10)),
        lines: order.map((l) => ({ lineId: l.id, quantity: part ? Math.max(1, Math.floor(l.quantity / 2)) : l.quantity, serials: [] })),
      });
    }

    const moved = plain.slice(0, 3);
    await createTransfer(ctx, {
      fromWarehouseId: warehouses[0]!,
      toWarehouseId: warehouses[1]!,
      transferDate: addDays(today, -20),
      notes: '门店补货',
      lines: moved.map((p) => ({ productId: p.id, quantity: 10, serials: [] })),
    });

    const sheet = await openCount(ctx, { warehouseId: warehouses[1]!, countDate: addDays(today, -7), notes: '月度盘点' });
    const counted = sheet.lines.filter((l) => !l.isSerialTracked).slice(0, 12);
    if (counted.length) {
      await enterCounts(ctx, {
        id: sheet.id,
        lines: counted.map((l, i) => ({ lineId: l.id, countedQuantity: Math.max(0, l.expectedQuantity + (i === 0 ? -2 : i === 1 ? 1 : 0)) })),
      });
      await postCount(ctx, { id: sheet.id, serials: {} });
    }
    sqlite.exec('COMMIT');
    return sqlite.prepare('SELECT count(*) FROM stock_moves').pluck().get() as number;
  } catch (error) {
    sqlite.exec('ROLLBACK');
    throw error;
  }
}
