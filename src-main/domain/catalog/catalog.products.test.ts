import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { aProduct, ean13 } from './catalog.test-helpers';

const issuesOf = async (result: Promise<{ ok: boolean; error?: { code: string; issues?: { path: string; code: string; params?: unknown }[] } }>) => {
  const r = await result;
  expect(r.ok).toBe(false);
  return { code: r.error!.code, issues: (r.error!.issues ?? []).map((i) => ({ path: i.path, code: i.code, ...(i.params ? { params: i.params } : {}) })) };
};

describe('catalog.create', () => {
  it('files a product with code P000001, its units, flags and search text', async () => {
    const api = await ownerApi();
    const barcode = ean13('690123456789');
    const created = await api.ok('catalog.create', aProduct({ barcode, isConsumable: true, reorderIntervalDays: 30 }));
    expect(created).toMatchObject({
      code: 'P000001',
      name: '农夫山泉饮用天然水',
      unit: '瓶',
      secondUnit: '箱',
      secondUnitFactor: 24,
      barcode,
      vatRate: 1300,
      listPrice: 200,
      isStocked: true,
      isService: false,
      isConsumable: true,
      reorderIntervalDays: 30,
      status: 'active',
      substitutes: [],
    });
    expect((await api.ok('catalog.create', aProduct({ name: '怡宝纯净水', barcode: null }))).code).toBe('P000002');
    expect((await api.ok('catalog.list', { q: 'nfsq' })).rows.map((r) => r.code)).toEqual(['P000001']);
  });

  it('keeps a typed code and moves the series past one in its own shape', async () => {
    const api = await ownerApi();
    expect((await api.ok('catalog.create', aProduct({ code: 'P000007' }))).code).toBe('P000007');
    expect((await api.ok('catalog.create', aProduct({ code: '01.02.003', name: '可口可乐' }))).code).toBe('01.02.003');
    expect((await api.ok('catalog.create', aProduct({ name: '雪碧' }))).code).toBe('P000008');
    expect(api.backend.checkInvariants().filter((c) => !c.ok)).toEqual([]);
  });

  it('refuses a taken code or barcode with `taken`, and writes nothing', async () => {
    const api = await ownerApi();
    const barcode = ean13('690000000001');
    await api.ok('catalog.create', aProduct({ code: 'A-100', barcode }));
    expect(await issuesOf(api.call('catalog.create', aProduct({ code: 'A-100', barcode: ean13('690000000002') })))).toEqual({ code: 'VALIDATION', issues: [{ path: 'code', code: 'taken' }] });
    expect(await issuesOf(api.call('catalog.create', aProduct({ barcode })))).toEqual({ code: 'VALIDATION', issues: [{ path: 'barcode', code: 'taken' }] });
    expect((await api.ok('catalog.list', {})).total).toBe(1);
  });

  it('refuses a VAT rate outside 13 / 9 / 6 / 3 / 0 % with invalid_choice', async () => {
    const api = await ownerApi();
    expect(await issuesOf(api.call('catalog.create', aProduct({ vatRate: 1700 })))).toEqual({
      code: 'VALIDATION',
      issues: [{ path: 'vatRate', code: 'invalid_choice', params: { options: ['1300', '900', '600', '300', '0'] } }],
    });
  });

  it('refuses a barcode whose check digit is wrong, and takes a shop’s own code', async () => {
    const api = await ownerApi();
    const good = ean13('690123456780');
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    expect(await issuesOf(api.call('catalog.create', aProduct({ barcode: bad })))).toEqual({ code: 'VALIDATION', issues: [{ path: 'barcode', code: 'invalid_barcode' }] });
    expect((await api.ok('catalog.create', aProduct({ barcode: ' ＳＨ-0001 ' }))).barcode).toBe('SH-0001');
  });

  it.each([
    [{ secondUnit: '箱', secondUnitFactor: 1 }, [{ path: 'secondUnitFactor', code: 'too_small', params: { min: 2 } }]],
    [{ secondUnit: '箱', secondUnitFactor: null }, [{ path: 'secondUnitFactor', code: 'required' }]],
    [{ secondUnit: null, secondUnitFactor: 12 }, [{ path: 'secondUnit', code: 'required' }]],
    [{ secondUnit: '瓶', secondUnitFactor: 12 }, [{ path: 'secondUnit', code: 'not_allowed', params: { reason: 'same_unit' } }]],
    [{ isService: true, isStocked: true }, [{ path: 'isStocked', code: 'not_allowed', params: { reason: 'service_stocked' } }]],
    [
      { isService: true, isStocked: false, isSerialTracked: true },
      [{ path: 'isSerialTracked', code: 'not_allowed', params: { reason: 'service_serial_tracked' } }],
    ],
    [{ isStocked: false, isSerialTracked: true }, [{ path: 'isSerialTracked', code: 'not_allowed', params: { reason: 'serial_needs_stock' } }]],
    [{ reorderIntervalDays: 30 }, [{ path: 'reorderIntervalDays', code: 'not_allowed', params: { reason: 'reorder_needs_consumable' } }]],
  ])('refuses a product shaped %j with coded issues', async (shape, issues) => {
    const api = await ownerApi();
    expect(await issuesOf(api.call('catalog.create', aProduct(shape)))).toEqual({ code: 'VALIDATION', issues });
  });

  it('files a service (安装服务) that is neither stocked nor serial-tracked', async () => {
    const api = await ownerApi();
    const service = await api.ok('catalog.create', { name: '安装服务', unit: '次', isService: true, isStocked: false, vatRate: 900, listPrice: 20000 });
    expect(service).toMatchObject({ isService: true, isStocked: false, isSerialTracked: false, secondUnit: null });
  });

  it('checks the category, substitutes and supplier exist', async () => {
    const api = await ownerApi();
    const missing = '0190a000-0000-7000-8000-000000000000';
    const other = await api.ok('catalog.create', aProduct({ name: '怡宝纯净水' }));
    const result = await issuesOf(api.call('catalog.create', aProduct({ categoryId: missing, preferredSupplierId: missing, substituteIds: [other.id, missing, other.id] })));
    expect(result.issues).toEqual([
      { path: 'categoryId', code: 'not_found', params: { entity: 'category' } },
      { path: 'preferredSupplierId', code: 'not_found', params: { entity: 'supplier' } },
      { path: 'substituteIds.1', code: 'not_found', params: { entity: 'product' } },
      { path: 'substituteIds.2', code: 'listed_twice' },
    ]);
  });
});

describe('catalog.update', () => {
  it('changes only the given fields, keeps the rules on the result, and re-indexes the name', async () => {
    const api = await ownerApi();
    const p = await api.ok('catalog.create', aProduct());
    const updated = await api.ok('catalog.update', { id: p.id, name: '百岁山矿泉水', spec: '570ml' });
    expect(updated).toMatchObject({ name: '百岁山矿泉水', spec: '570ml', unit: '瓶', secondUnitFactor: 24 });
    expect((await api.ok('catalog.list', { q: 'nfsq' })).total).toBe(0);
    expect((await api.ok('catalog.list', { q: 'bss' })).rows.map((r) => r.id)).toEqual([p.id]);
    // Turning a stocked product into a service without unstocking it breaks a rule of the result.
    expect(await issuesOf(api.call('catalog.update', { id: p.id, isService: true }))).toEqual({
      code: 'VALIDATION',
      issues: [{ path: 'isStocked', code: 'not_allowed', params: { reason: 'service_stocked' } }],
    });
    expect(await issuesOf(api.call('catalog.update', { id: p.id, secondUnit: null }))).toEqual({ code: 'VALIDATION', issues: [{ path: 'secondUnit', code: 'required' }] });
    expect(await api.ok('catalog.update', { id: p.id, secondUnit: null, secondUnitFactor: null })).toMatchObject({ secondUnit: null, secondUnitFactor: null });
  });

  it('sets substitutes in order and never the product itself', async () => {
    const api = await ownerApi();
    const [a, b, c] = [await api.ok('catalog.create', aProduct()), await api.ok('catalog.create', aProduct({ name: '怡宝' })), await api.ok('catalog.create', aProduct({ name: '百岁山' }))];
    const updated = await api.ok('catalog.update', { id: a.id, substituteIds: [c.id, b.id] });
    expect(updated.substitutes.map((s) => s.name)).toEqual(['百岁山', '怡宝']);
    expect(await issuesOf(api.call('catalog.update', { id: a.id, substituteIds: [a.id] }))).toEqual({
      code: 'VALIDATION',
      issues: [{ path: 'substituteIds.0', code: 'not_allowed', params: { reason: 'self_substitute' } }],
    });
    await api.ok('catalog.archive', { id: c.id });
    expect((await api.ok('catalog.substitutes', { productId: a.id })).map((s) => s.name)).toEqual(['怡宝']);
  });

  it('lets the warehouse edit products but not their prices; a manager may', async () => {
    const owner = await ownerApi();
    const p = await owner.ok('catalog.create', aProduct());
    const warehouse = await owner.as('warehouse');
    expect(await warehouse.ok('catalog.update', { id: p.id, spec: '550ml×24', listPrice: 200 })).toMatchObject({ spec: '550ml×24' });
    const refused = await issuesOf(warehouse.call('catalog.update', { id: p.id, listPrice: 250, standardCost: 120 }));
    expect(refused).toEqual({
      code: 'FORBIDDEN',
      issues: [
        { path: 'listPrice', code: 'not_allowed', params: { reason: 'prices_permission' } },
        { path: 'standardCost', code: 'not_allowed', params: { reason: 'prices_permission' } },
      ],
    });
    expect((await warehouse.call('catalog.create', aProduct({ name: '新品', listPrice: 100 }))).ok).toBe(false);
    expect((await warehouse.ok('catalog.create', aProduct({ name: '新品', listPrice: 0, standardCost: 0 }))).name).toBe('新品');
    const sales = await owner.as('sales');
    expect((await sales.call('catalog.update', { id: p.id, spec: 'x' })).ok).toBe(false);
    expect((await sales.ok('catalog.get', { id: p.id })).listPrice).toBe(200);
    const manager = await owner.as('manager');
    expect((await manager.ok('catalog.update', { id: p.id, listPrice: 250 })).listPrice).toBe(250);
  });

  it('archives and restores, keeping archived products out of the default list and the lookup', async () => {
    const api = await ownerApi();
    const p = await api.ok('catalog.create', aProduct({ barcode: ean13('690000000011') }));
    await api.ok('catalog.archive', { id: p.id });
    expect((await api.ok('catalog.list', {})).total).toBe(0);
    expect((await api.ok('catalog.list', { filters: { status: 'archived' } })).total).toBe(1);
    expect((await api.ok('catalog.lookup', { q: ean13('690000000011') })).match).toBe('none');
    expect((await api.ok('catalog.restore', { id: p.id })).status).toBe('active');
    expect((await api.ok('catalog.lookup', { q: ean13('690000000011') })).match).toBe('barcode');
  });

  it('records who changed what in the audit log', async () => {
    const api = await ownerApi();
    const p = await api.ok('catalog.create', aProduct());
    await api.ok('catalog.update', { id: p.id, spec: '1.5L', secondUnitFactor: 12 });
    const log = api.backend.conn.sqlite.prepare("SELECT method, entity_type, changes FROM audit_log WHERE method = 'catalog.update'").get() as { entity_type: string; changes: string };
    expect(log.entity_type).toBe('product');
    expect(JSON.parse(log.changes)[0].fields).toEqual({ spec: { before: '550ml', after: '1.5L' }, secondUnitFactor: { before: 24, after: 12 } });
  });
});

describe('categories', () => {
  it('builds a tree, filters the list by a category and everything under it, and refuses loops', async () => {
    const api = await ownerApi();
    const drinks = await api.ok('catalog.saveCategory', { name: '饮料' });
    const water = await api.ok('catalog.saveCategory', { name: '饮用水', parentId: drinks.id });
    const snacks = await api.ok('catalog.saveCategory', { name: '休闲食品' });
    await api.ok('catalog.create', aProduct({ categoryId: water.id }));
    await api.ok('catalog.create', aProduct({ name: '可口可乐', categoryId: drinks.id }));
    await api.ok('catalog.create', aProduct({ name: '乐事薯片', categoryId: snacks.id }));
    expect((await api.ok('catalog.list', { filters: { categoryId: drinks.id }, sort: { field: 'name' } })).rows.map((r) => r.name)).toEqual(['可口可乐', '农夫山泉饮用天然水']);
    expect((await api.ok('catalog.list', { filters: { categoryId: water.id } })).rows.map((r) => r.categoryName)).toEqual(['饮用水']);
    expect((await api.ok('catalog.get', { id: (await api.ok('catalog.list', { filters: { categoryId: water.id } })).rows[0]!.id })).categoryPath).toEqual(['饮料', '饮用水']);
    expect(await issuesOf(api.call('catalog.saveCategory', { id: drinks.id, name: '饮料', parentId: water.id }))).toEqual({
      code: 'VALIDATION',
      issues: [{ path: 'parentId', code: 'not_allowed', params: { reason: 'category_cycle' } }],
    });
    expect(await issuesOf(api.call('catalog.saveCategory', { name: '饮用水', parentId: drinks.id }))).toEqual({ code: 'VALIDATION', issues: [{ path: 'name', code: 'taken' }] });
    expect((await api.call('catalog.removeCategory', { id: drinks.id })).ok).toBe(false);
    const empty = await api.ok('catalog.saveCategory', { name: '临时' });
    await api.ok('catalog.removeCategory', { id: empty.id });
    expect((await api.ok('catalog.listCategories', {})).map((c) => [c.name, c.productCount])).toEqual([
      ['休闲食品', 1],
      ['饮料', 1],
      ['饮用水', 1],
    ]);
  });
});
