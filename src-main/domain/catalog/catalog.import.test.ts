import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { csvUpload, lines, xlsxUpload } from '../imports/imports.test-helpers';
import { aProduct, ean13 } from './catalog.test-helpers';

const GBK_SHEET = lines(
  '商品编码,商品名称,规格型号,商品分类,单位,辅助单位,换算率,条形码,税率,零售价,耗材,补货周期',
  `NFSQ550,农夫山泉饮用天然水,550ml,饮料/饮用水,瓶,箱,24,${ean13('690123456789')},13%,2.5,否,`,
  'CUP500,一次性PP奶茶杯,500ml 口径90,餐饮耗材/杯具吸管,只,箱,1000,,13,0.35,是,14',
  'BAD1,坏条码,,饮料,瓶,,,6901234567890,13,2,否,',
  'BAD2,同一单位,,饮料,箱,箱,12,,13,2,否,',
  ',没有单位,,,,,,,13,2,否,',
);

describe('imports.products', () => {
  it('previews a GBK file from Chinese Excel without writing: headers mapped, new categories named, each bad row with its coded issue', async () => {
    const api = await ownerApi();
    const preview = await api.ok('imports.previewProducts', csvUpload(GBK_SHEET, 'gbk', '商品.csv'));
    expect(preview).toMatchObject({ encoding: 'gbk', rowCount: 5, imported: 2, updated: 0, skipped: 3 });
    expect(preview.mapping).toEqual(['code', 'name', 'spec', 'category', 'unit', 'secondUnit', 'secondUnitFactor', 'barcode', 'vatRate', 'listPrice', 'isConsumable', 'reorderIntervalDays']);
    expect(preview.newCategories).toEqual(['餐饮耗材/杯具吸管', '饮料', '饮料/饮用水']);
    expect(preview.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'barcode', 'invalid_barcode'],
      [5, 'secondUnit', 'not_allowed'],
      [6, 'unit', 'required'],
    ]);
    expect(preview.errors[0]).toMatchObject({ column: '条形码', value: '6901234567890' });
    expect((await api.ok('catalog.list', {})).total).toBe(0);
  });

  it('imports the good rows with their categories, reports the rows the catalog refuses, and finds the products by pinyin', async () => {
    const api = await ownerApi();
    const result = await api.ok('imports.products', csvUpload(GBK_SHEET, 'gbk', '商品.csv'));
    expect(result).toMatchObject({ imported: 2, updated: 0, skipped: 3 });
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'barcode', 'invalid_barcode'],
      [5, 'secondUnit', 'not_allowed'],
      [6, 'unit', 'required'],
    ]);
    const cup = (await api.ok('catalog.lookup', { q: 'CUP500' })).products[0]!;
    const product = await api.ok('catalog.get', { id: cup.id });
    expect(product).toMatchObject({ categoryPath: ['餐饮耗材', '杯具吸管'], listPrice: 35, secondUnit: '箱', secondUnitFactor: 1000, isConsumable: true, reorderIntervalDays: 14 });
    expect((await api.ok('catalog.list', { q: 'nfsq' })).rows.map((r) => r.code)).toEqual(['NFSQ550']);
    expect((await api.ok('catalog.listCategories', {})).map((c) => c.name).sort()).toEqual(['杯具吸管', '饮料', '饮用水', '餐饮耗材'].sort());
    expect((await api.ok('catalog.list', {})).total).toBe(2);
  });

  it('updates products matched by code, and changes nothing when its own export comes back', async () => {
    const api = await ownerApi();
    const drinks = await api.ok('catalog.saveCategory', { name: '饮料' });
    await api.ok('catalog.create', aProduct({ code: 'NFSQ550', categoryId: drinks.id, barcode: ean13('690123456789'), listPrice: 200 }));
    await api.ok('catalog.create', aProduct({ code: 'CUP500', name: '一次性奶茶杯', unit: '只', secondUnit: null, secondUnitFactor: null, isConsumable: true, reorderIntervalDays: 14 }));
    const before = (await api.ok('catalog.list', {})).rows;
    for (const language of [undefined, 'zh-CN', 'en', 'zh-TW'] as const) {
      const file = await api.ok('exports.products', { format: language ? 'xlsx' : 'csv', ...(language ? { language } : {}) });
      const result = await api.ok('imports.products', { fileName: file.fileName, contentBase64: Buffer.from(file.content).toString('base64') });
      expect(result, language).toMatchObject({ imported: 0, updated: 0, unchanged: 2, skipped: 0, errors: [] });
    }
    expect((await api.ok('catalog.list', {})).rows).toEqual(before);
    const raise = await xlsxUpload([
      ['商品编码', '零售价'],
      ['NFSQ550', '2.80'],
    ]);
    expect(await api.ok('imports.products', raise)).toMatchObject({ imported: 0, updated: 1, unchanged: 0 });
    expect((await api.ok('catalog.lookup', { q: 'NFSQ550' })).products[0]).toMatchObject({ listPrice: 280, name: '农夫山泉饮用天然水' });
  });

  it('in strict mode imports nothing when any row is wrong, and keeps prices to the roles that may set them', async () => {
    const api = await ownerApi();
    const strict = await api.ok('imports.products', { ...csvUpload(GBK_SHEET, 'gbk', '商品.csv'), strict: true });
    expect(strict).toMatchObject({ imported: 0, skipped: 5 });
    expect((await api.ok('catalog.list', {})).total).toBe(0);
    const warehouse = await api.as('warehouse');
    const result = await warehouse.ok('imports.products', csvUpload(lines('商品名称,单位,零售价', '可口可乐,罐,2.5', '雪碧,罐,'), 'utf-8'));
    expect(result).toMatchObject({ imported: 1, skipped: 1 });
    expect(result.errors).toMatchObject([{ row: 2, field: 'listPrice', code: 'not_allowed', params: { reason: 'prices_permission' } }]);
    const sales = await api.as('sales');
    expect(await sales.call('imports.products', csvUpload(lines('商品名称,单位', '雪碧,罐')))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
