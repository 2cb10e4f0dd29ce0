import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { csvLines, sheetRows } from '../exports/exports.test-helpers';
import { aProduct, receive, twoWarehouses } from './stock.test-helpers';

describe('stock exports', () => {
  it('writes stock per product and warehouse, and the signed moves, with costs in yuan to two decimals', async () => {
    const api = await ownerApi();
    const { main, branch } = await twoWarehouses(api);
    const cable = aProduct(api, { code: 'A-CABLE' });
    const plug = aProduct(api, { code: 'B-PLUG' });
    await receive(api, main, cable, 10, 1250);
    await receive(api, main, cable, 10, 1301);
    await receive(api, main, plug, 4, 99);
    await api.ok('stock.createTransfer', { fromWarehouseId: main, toWarehouseId: branch, transferDate: '2026-03-03', lines: [{ productId: cable, quantity: 5 }] });

    const stock = await api.ok('exports.stock', { format: 'csv' });
    expect(stock.fileName).toMatch(/^stock-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csvLines(stock.content)).toEqual([
      'product_code,warehouse_code,on_hand,reserved,available,avg_cost',
      // (12500 + 13010) / 20 = 1275.5 fen → 1276, half up.
      'A-CABLE,WH01,15,0,15,12.76',
      'A-CABLE,WH02,5,0,5,12.76',
      'B-PLUG,WH01,4,0,4,0.99',
      'B-PLUG,WH02,0,0,0,0.00',
    ]);
    const held = await api.ok('exports.stock', { format: 'csv', inStockOnly: true, q: 'B-' });
    expect(csvLines(held.content).slice(1)).toEqual(['B-PLUG,WH01,4,0,4,0.99']);

    const moves = await api.ok('exports.stockMoves', { format: 'csv', productId: cable });
    const lines = csvLines(moves.content);
    expect(lines[0]).toBe('date,product_code,warehouse_code,kind,quantity,unit_cost,document_no');
    expect(lines.slice(1).sort()).toEqual(
      [
        '2026-03-02,A-CABLE,WH01,receipt,10,12.50,ADJ-2026-000001',
        '2026-03-02,A-CABLE,WH01,receipt,10,13.01,ADJ-2026-000002',
        '2026-03-03,A-CABLE,WH01,transfer_out,-5,12.76,TR-2026-000001',
        '2026-03-03,A-CABLE,WH02,transfer_in,5,12.76,TR-2026-000001',
      ].sort(),
    );
  });

  it('words headers and move kinds in the UI language for people', async () => {
    const api = await ownerApi();
    const { main } = await twoWarehouses(api);
    await receive(api, main, aProduct(api, { code: 'C1' }), 2, 100);
    const file = await api.ok('exports.stockMoves', { format: 'csv', language: 'zh-CN' });
    expect(file.fileName).toMatch(/^出入库流水-/);
    const [header, row] = csvLines(file.content);
    expect(header).toBe('日期,商品编号,仓库编号,类型,数量,单位成本,单据编号');
    expect(row).toContain(',入库,2,');
  });
});

describe('the count sheets and transfers as files', () => {
  it('writes each tab\'s documents, narrowed as the list is, worded for people', async () => {
    const api = await ownerApi();
    const { main, branch } = await twoWarehouses(api);
    const cable = aProduct(api, { code: 'A-CABLE' });
    await receive(api, main, cable, 10, 1250);
    await api.ok('stock.createTransfer', { fromWarehouseId: main, toWarehouseId: branch, transferDate: '2026-03-03', notes: '门店补货', lines: [{ productId: cable, quantity: 4 }] });
    await api.ok('stock.createTransfer', { fromWarehouseId: main, toWarehouseId: branch, transferDate: '2026-03-09', lines: [{ productId: cable, quantity: 1 }] });
    const sheet = await api.ok('stock.openCount', { warehouseId: main, countDate: '2026-03-10', notes: '月末盘点' });

    const transfers = await api.ok('exports.transfers', { format: 'csv', to: '2026-03-05' });
    expect(csvLines(transfers.content)).toEqual([
      'transfer_no,transfer_date,from_warehouse,to_warehouse,lines,quantity,notes,created_by',
      expect.stringMatching(/^TR-2026-000001,2026-03-03,[^,]+,[^,]+,1,4,门店补货,/),
    ]);
    const counts = await api.ok('exports.stockCounts', { format: 'xlsx', language: 'zh-CN', status: 'counting' });
    expect(counts.fileName).toMatch(/^盘点-/);
    const [header, row, ...rest] = await sheetRows(counts.content);
    expect(rest).toEqual([]);
    expect(header).toEqual(['盘点单号', '日期', '仓库', '状态', '明细', '已盘行数', '差异行数', '备注']);
    expect([row![0], row![3], row![4], row![5], row![7]]).toEqual([sheet.countNo, '盘点中', sheet.lines.length, 0, '月末盘点']);
    expect((await api.ok('exports.stockCounts', { format: 'csv', status: 'posted' })).rows).toBe(0);
  });
});

describe('the words of the stock and purchasing files', () => {
  it('are the words the screens use, in every language', async () => {
    const { STOCK_DOCUMENT_EXPORT_WORDS, STOCK_EXPORT_WORDS } = await import('./stock.export');
    const { PURCHASING_EXPORT_WORDS } = await import('../purchasing/purchasing.export');
    for (const language of ['zh-CN', 'en', 'zh-TW'] as const) {
      const stock = (await import(`../../../src-renderer/features/stock/messages.${language}.ts`)).default;
      const purchasing = (await import(`../../../src-renderer/features/purchasing/messages.${language}.ts`)).default;
      expect(STOCK_EXPORT_WORDS[language].kind).toEqual(stock.moveKind);
      expect(STOCK_EXPORT_WORDS[language].field.onHand).toBe(stock.field.onHand);
      expect(PURCHASING_EXPORT_WORDS[language].status).toEqual(purchasing.status);
      expect(STOCK_DOCUMENT_EXPORT_WORDS[language].countStatus).toEqual(stock.countStatus);
      const { countNo, transferNo, from, to, lines, notes, user } = stock.field;
      expect(STOCK_DOCUMENT_EXPORT_WORDS[language].field).toMatchObject({ countNo, transferNo, from, to, lines, notes, user });
      expect([STOCK_DOCUMENT_EXPORT_WORDS[language].countsFile, STOCK_DOCUMENT_EXPORT_WORDS[language].transfersFile]).toEqual([stock.tabs.counts, stock.tabs.transfers]);
      expect(PURCHASING_EXPORT_WORDS[language].field.totalGross).toBe(purchasing.field.totalGross);
    }
  });
});
