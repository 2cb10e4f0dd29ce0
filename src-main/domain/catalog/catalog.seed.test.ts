import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { seedCustomers } from '../customers/customers.seed';
import { isValidBarcode } from './catalog.rules';
import { catalogScaleCounts, seedCatalog } from './catalog.seed';

describe('seedCatalog', () => {
  it('makes the same catalog for the same seed', async () => {
    const one = await ownerApi();
    const two = await ownerApi();
    seedCatalog(one.backend.conn, { count: 200, seed: 5, asOf: '2026-11-23' });
    seedCatalog(two.backend.conn, { count: 200, seed: 5, asOf: '2026-11-23' });
    const rows = (api: typeof one) => api.backend.conn.sqlite.prepare('SELECT code, name, spec, barcode, list_price, standard_cost FROM products ORDER BY code').all();
    expect(rows(one)).toEqual(rows(two));
  });

  it('makes a small distributor’s catalog: cases, equipment by serial number, consumables, spare parts, services and tiered prices', async () => {
    const api = await ownerApi();
    seedCustomers(api.backend.conn, { count: 20, seed: 1, asOf: '2026-11-23' });
    expect(seedCatalog(api.backend.conn, { count: catalogScaleCounts.small, seed: 1, asOf: '2026-11-23' })).toMatchObject({ products: 200, categories: 25, priceLists: 8 });
    const sqlite = api.backend.conn.sqlite;
    const count = (where: string) => sqlite.prepare(`SELECT count(*) FROM products WHERE ${where}`).pluck().get() as number;
    expect(count("second_unit = '箱'")).toBeGreaterThan(100);
    expect(count('is_serial_tracked = 1 AND is_stocked = 1')).toBeGreaterThanOrEqual(10);
    expect(count('is_consumable = 1 AND reorder_interval_days > 0')).toBeGreaterThanOrEqual(15);
    expect(count('is_spare_part = 1')).toBeGreaterThanOrEqual(8);
    expect(count("is_service = 1 AND is_stocked = 0 AND name IN ('设备安装服务', '上门维修')")).toBe(2);
    const barcodes = sqlite.prepare('SELECT barcode FROM products WHERE barcode IS NOT NULL').pluck().all() as string[];
    expect(barcodes.filter((b) => !isValidBarcode(b))).toEqual([]);
    expect(api.backend.checkInvariants().filter((c) => !c.ok)).toEqual([]);
    // A bottled cola is sold by the bottle, a canned one by the can.
    const unitOf = (spec: string) => sqlite.prepare("SELECT unit FROM products WHERE name = '可口可乐' AND spec = ?").pluck().get(spec);
    expect([unitOf('2L 瓶装'), unitOf('330ml 罐装')]).toEqual(['瓶', '罐']);

    // A 金卡 customer buying ten cases gets the tier's ten-case break.
    const gold = sqlite.prepare("SELECT id FROM customers WHERE tier = '金卡' AND id NOT IN (SELECT customer_id FROM price_lists WHERE customer_id IS NOT NULL) LIMIT 1").pluck().get() as string;
    const water = sqlite.prepare("SELECT id, list_price, second_unit_factor FROM products WHERE name = '农夫山泉饮用天然水' AND spec = '550ml'").get() as { id: string; list_price: number; second_unit_factor: number };
    const quote = await api.ok('catalog.priceFor', { customerId: gold, productId: water.id, quantity: water.second_unit_factor * 10, date: '2026-11-23' });
    expect(quote).toMatchObject({ source: 'tier', minQuantity: 240, unitPrice: Math.round(water.list_price * 0.88) });
    expect((await api.ok('catalog.list', { q: 'nfsq' })).total).toBe(4);
    expect((await api.ok('catalog.create', { name: '新品', unit: '个' })).code).toBe('P000201');
  });
});
