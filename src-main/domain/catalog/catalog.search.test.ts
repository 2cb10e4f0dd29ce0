import { beforeAll, describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { aProduct, ean13 } from './catalog.test-helpers';

describe('finding products', () => {
  let api: TestApi;
  const cokeBarcode = ean13('690000100001');
  let coke: { id: string; code: string };

  beforeAll(async () => {
    api = await ownerApi();
    coke = await api.ok('catalog.create', aProduct({ name: '可口可乐', spec: '330ml 罐装', code: '01.02.003', barcode: cokeBarcode, unit: '罐' }));
    await api.ok('catalog.create', aProduct({ name: '百事可乐', spec: '330ml', barcode: ean13('690000100002'), unit: '罐' }));
    await api.ok('catalog.create', aProduct({ name: '重庆火锅底料', spec: '500g', unit: '袋', secondUnit: '箱', secondUnitFactor: 20 }));
  });

  const namesFor = async (q: string) => (await api.ok('catalog.list', { q, sort: { field: 'name' } })).rows.map((r) => r.name);

  it.each([
    ['kkkl', 'pinyin initials'],
    ['kekoukele', 'full pinyin'],
    ['KeKou', 'pinyin typed in mixed case'],
    ['可口', 'Chinese characters'],
    ['罐装', 'words of the spec'],
    ['01.02.003', 'the code'],
    ['003', 'a part of the code'],
    [cokeBarcode, 'the barcode'],
    [cokeBarcode.slice(0, 9), 'the start of the barcode'],
  ])('finds 可口可乐 by %s (%s)', async (q) => {
    expect(await namesFor(q)).toContain('可口可乐');
  });

  it('reads 重庆 as chongqing and requires every word', async () => {
    expect(await namesFor('cqhg')).toEqual(['重庆火锅底料']);
    expect(await namesFor('可乐 330ml')).toEqual(['百事可乐', '可口可乐']);
    expect(await namesFor('可乐 500g')).toEqual([]);
  });

  it('treats FTS syntax in a query as plain text', async () => {
    expect((await api.call('catalog.list', { q: '"kkkl OR *' })).ok).toBe(true);
    expect((await api.call('catalog.lookup', { q: 'NEAR( AND' })).ok).toBe(true);
  });

  it('looks a scanned barcode up exactly, then a typed code in any case, then searches', async () => {
    expect(await api.ok('catalog.lookup', { q: cokeBarcode })).toMatchObject({ match: 'barcode', products: [{ id: coke.id, unit: '罐', listPrice: 200, vatRate: 1300 }] });
    expect(await api.ok('catalog.lookup', { q: ` ${cokeBarcode} ` })).toMatchObject({ match: 'barcode' });
    expect(await api.ok('catalog.lookup', { q: '01.02.003' })).toMatchObject({ match: 'code', products: [{ id: coke.id }] });
    const hotpot = await api.ok('catalog.lookup', { q: 'p000002' });
    expect(hotpot).toMatchObject({ match: 'code', products: [{ name: '重庆火锅底料', secondUnit: '箱', secondUnitFactor: 20 }] });
    const search = await api.ok('catalog.lookup', { q: 'kl' });
    expect(search.match).toBe('search');
    expect(search.products.map((p) => p.name).sort()).toEqual(['可口可乐', '百事可乐']);
    expect(await api.ok('catalog.lookup', { q: 'zzzz' })).toEqual({ match: 'none', products: [] });
  });

  it('keeps the index in step with a new barcode, and every product in the index', async () => {
    const newBarcode = ean13('690000100009');
    await api.ok('catalog.update', { id: coke.id, barcode: newBarcode });
    expect((await api.ok('catalog.lookup', { q: newBarcode })).match).toBe('barcode');
    expect(await namesFor(cokeBarcode)).toEqual([]);
    const check = api.backend.checkInvariants().find((c) => c.name === 'the product search index covers every product')!;
    expect(check.ok).toBe(true);
    api.backend.conn.sqlite.prepare("UPDATE product_search SET tokens = 'stale' WHERE product_id = ?").run(coke.id);
    expect(api.backend.checkInvariants().find((c) => c.name === check.name)!.differences).toEqual(['product 01.02.003: its search text is stale']);
  });
});
