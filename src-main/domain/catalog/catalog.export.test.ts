import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { aProduct, ean13 } from './catalog.test-helpers';

function csvLines(content: Uint8Array): string[] {
  return Buffer.from(content).toString('utf8').slice(1).split('\r\n');
}

describe('exports.products', () => {
  it('writes the product list for tools: snake_case headers, yuan text, VAT in percent, yes/no flags', async () => {
    const api = await ownerApi();
    const drinks = await api.ok('catalog.saveCategory', { name: '饮料' });
    await api.ok('catalog.create', aProduct({ code: 'NFSQ550', categoryId: drinks.id, barcode: ean13('690123456789'), listPrice: 250, standardCost: 105 }));
    await api.ok('catalog.create', aProduct({ code: 'CUP500', name: '一次性奶茶杯', spec: '500ml', unit: '只', secondUnit: null, secondUnitFactor: null, vatRate: 900, isConsumable: true, reorderIntervalDays: 14 }));
    const file = await api.ok('exports.products', { format: 'csv' });
    expect(file).toMatchObject({ rows: 2, fileName: expect.stringMatching(/^products-\d{4}-\d{2}-\d{2}\.csv$/) });
    const [header, cup, water] = csvLines(file.content);
    expect(header!.split(',').slice(0, 11)).toEqual(['product_code', 'name', 'spec', 'category', 'unit', 'second_unit', 'second_unit_factor', 'barcode', 'vat_rate', 'list_price', 'standard_cost']);
    expect(cup).toBe('CUP500,一次性奶茶杯,500ml,,只,,,,9,2.00,1.10,yes,no,no,yes,no,14,active');
    expect(water).toBe(`NFSQ550,农夫山泉饮用天然水,550ml,饮料,瓶,箱,24,${ean13('690123456789')},13,2.50,1.05,yes,no,no,no,no,,active`);
  });

  it('exports what the list query matches, worded in the UI language as XLSX', async () => {
    const api = await ownerApi();
    await api.ok('catalog.create', aProduct({ name: '可口可乐', spec: '330ml' }));
    await api.ok('catalog.create', aProduct({ name: '农夫山泉饮用天然水' }));
    const archived = await api.ok('catalog.create', aProduct({ name: '可口可乐零度', spec: '330ml' }));
    await api.ok('catalog.archive', { id: archived.id });
    const bySearch = await api.ok('exports.products', { format: 'csv', q: 'kkkl' });
    expect(bySearch.rows).toBe(1);
    const file = await api.ok('exports.products', { format: 'xlsx', language: 'zh-CN', filters: { status: 'all' }, sort: { field: 'name', dir: 'asc' } });
    expect(file.fileName).toMatch(/^商品档案-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(1).value).toBe('商品编码');
    const statuses = [2, 3, 4].map((r) => sheet.getRow(r).getCell(18).value);
    expect(statuses.sort()).toEqual(['在售', '在售', '已停用']);
    expect(sheet.getRow(2).getCell(12).value).toBe('是');
  });
});
