import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { reaching } from '../imports/imports.test-helpers';
import { newId } from '../shared/ids';
import { aCustomer, aWorld, anInvoice, aReceipt, type World } from '../receivables/receivables.test-helpers';
import type { Voucher } from './vouchers.dto';

async function vouchersOf(world: World, from: string, to: string): Promise<Voucher[]> {
  return (await world.api.ok('vouchers.list', { from, to, pageSize: 200 })).rows;
}

/** Each line as account, customer, debit, credit: what the accountant reads. */
const entries = (v: Voucher) => v.lines.map((l) => [l.accountCode, l.customerCode, l.debit, l.credit]);

function aDeliveryCost(world: World, date: string, quantity: number, unitCost: number): string {
  const deliveryId = newId();
  world.sqlite
    .prepare(
      `INSERT INTO stock_moves (id, move_date, product_id, warehouse_id, kind, quantity, unit_cost, value, document_type, document_id, document_no, created_at)
       VALUES (?, ?, ?, ?, 'delivery', ?, ?, ?, 'delivery', ?, 'FH-2026-000001', ?)`,
    )
    .run(newId(), date, world.productId, world.warehouseId, -quantity, unitCost, -quantity * unitCost, deliveryId, new Date().toISOString());
  return deliveryId;
}

describe('vouchers (记账凭证)', () => {
  it('posts an invoice as Dr 1122 with the customer, Cr 6001 and Cr 22210102, and a receipt by its method', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { name: '南京博雅食品有限公司' });
    const code = world.sqlite.prepare('SELECT code FROM customers WHERE id = ?').pluck().get(customerId) as string;
    await anInvoice(world, customerId, 113_000, '2026-03-02');
    await world.api.ok('receivables.createReceipt', { customerId, receiptDate: '2026-03-05', method: 'cash', amount: 3_000, autoAllocate: false });
    await world.api.ok('receivables.createReceipt', {
      customerId,
      receiptDate: '2026-03-06',
      method: 'acceptance_bill',
      amount: 100_000,
      billMaturityDate: '2026-09-06',
      autoAllocate: false,
    });
    const [invoice, cash, bill] = await vouchersOf(world, '2026-03-01', '2026-03-31');
    expect(invoice).toMatchObject({ word: '记', number: 1, period: '2026-03', date: '2026-03-02', source: 'invoice' });
    expect(entries(invoice!)).toEqual([
      ['1122', code, 113_000, 0],
      ['6001', null, 0, 100_000],
      ['22210102', null, 0, 13_000],
    ]);
    expect(invoice!.lines[0]!.customerName).toBe('南京博雅食品有限公司');
    expect(entries(cash!)).toEqual([
      ['1001', null, 3_000, 0],
      ['1122', code, 0, 3_000],
    ]);
    expect(entries(bill!)).toEqual([
      ['1121', null, 100_000, 0],
      ['1122', code, 0, 100_000],
    ]);
  });

  it('posts a credit note, a reversal, a write-off, a refund and a delivery cost, each balancing in fen', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const invoice = await anInvoice(world, customerId, 11_301, '2026-03-02');
    await world.api.ok('receivables.creditPriceCorrection', { correctsInvoiceId: invoice.id, amount: 1_130, reason: '让价', invoiceDate: '2026-03-03' });
    await world.api.ok('receivables.writeOff', { invoiceId: invoice.id, amount: 1, reason: '抹零', date: '2026-03-04' });
    const receipt = await aReceipt(world, customerId, 20_000, '2026-03-05');
    await world.api.ok('receivables.refund', { receiptId: receipt.receipt.id, amount: 500, method: 'wechat', date: '2026-03-06' });
    aDeliveryCost(world, '2026-03-07', 3, 2_500);
    const other = await anInvoice(world, customerId, 5_000, '2026-03-08');
    await world.api.ok('receivables.reverseInvoice', { id: other.id, reversedOn: '2026-04-01', reason: '开错' });

    const march = await vouchersOf(world, '2026-03-01', '2026-03-31');
    expect(march.map((v) => v.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(march.map((v) => v.source).sort()).toEqual(['credit_note', 'delivery', 'invoice', 'invoice', 'receipt', 'refund', 'writeoff']);
    const [credit, writeOff, refund, cost] = (['credit_note', 'writeoff', 'refund', 'delivery'] as const).map((source) => march.find((v) => v.source === source));
    // 红字: the credit note keeps the invoice's sides with negative amounts.
    expect(entries(credit!).map(([account, , dr, cr]) => [account, dr, cr])).toEqual([
      ['1122', -1_130, 0],
      ['6001', 0, -1_000],
      ['22210102', 0, -130],
    ]);
    expect(entries(writeOff!).map(([account, , dr, cr]) => [account, dr, cr])).toEqual([
      ['6711', 1, 0],
      ['1122', 0, 1],
    ]);
    expect(entries(refund!).map(([account, , dr, cr]) => [account, dr, cr])).toEqual([
      ['1122', 500, 0],
      ['1002', 0, 500],
    ]);
    expect(entries(cost!)).toEqual([
      ['6401', null, 7_500, 0],
      ['1405', null, 0, 7_500],
    ]);
    const [reversal] = await vouchersOf(world, '2026-04-01', '2026-04-30');
    expect(reversal).toMatchObject({ number: 1, reversal: true, documentNo: other.invoiceNo });
    expect(reversal!.lines[0]!.debit).toBe(-5_000);
    for (const v of [...march, reversal!]) {
      expect(v.lines.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
      for (const l of v.lines) expect([l.debit, l.credit].filter((x) => x !== 0)).toHaveLength(1);
    }
  });

  it('numbers from 1 in each month, and a back-dated posting takes the next number of its month', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    await anInvoice(world, customerId, 1_000, '2026-03-20');
    await anInvoice(world, customerId, 1_000, '2026-04-02');
    await anInvoice(world, customerId, 1_000, '2026-03-05');
    const numbers = (await vouchersOf(world, '2026-03-01', '2026-04-30')).map((v) => [v.date, v.number]);
    expect(numbers).toEqual([
      ['2026-03-20', 1],
      ['2026-03-05', 2],
      ['2026-04-02', 1],
    ]);
    // A span inside the month keeps the month's numbers.
    expect((await vouchersOf(world, '2026-03-10', '2026-03-31')).map((v) => v.number)).toEqual([1]);
  });

  it('numbers postings made in the same millisecond by kind (invoices, credit notes, deliveries, receipts), then document, a reversal after what it reverses', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    let madeFirst = '';
    try {
      await aReceipt(world, customerId, 2_000, '2026-03-05');
      const later = await anInvoice(world, customerId, 1_000, '2026-03-20');
      madeFirst = later.invoiceNo;
      const earlier = await anInvoice(world, customerId, 3_000, '2026-03-02');
      await world.api.ok('receivables.creditPriceCorrection', { correctsInvoiceId: earlier.id, amount: 100, reason: '让价', invoiceDate: '2026-03-03' });
      await world.api.ok('receivables.reverseInvoice', { id: later.id, reversedOn: '2026-03-21', reason: '开错' });
      aDeliveryCost(world, '2026-03-10', 1, 500);
    } finally {
      vi.useRealTimers();
    }
    expect(new Set(world.sqlite.prepare('SELECT posted_at FROM invoices UNION SELECT posted_at FROM receipts').pluck().all()).size).toBe(1);
    // Ids are made in order (uuid v7), so the invoice made first is the first of the two invoices.
    const invoiceIds = world.sqlite.prepare("SELECT invoice_no FROM invoices WHERE kind = 'invoice' ORDER BY id").pluck().all() as string[];
    const march = await vouchersOf(world, '2026-03-01', '2026-03-31');
    expect(march.map((v) => [v.number, v.source, v.documentNo, v.reversal])).toEqual([
      [1, 'invoice', invoiceIds[0], false],
      [2, 'invoice', invoiceIds[0], true],
      [3, 'invoice', invoiceIds[1], false],
      [4, 'credit_note', expect.any(String), false],
      [5, 'delivery', 'FH-2026-000001', false],
      [6, 'receipt', expect.any(String), false],
    ]);
    expect(invoiceIds[0]).toBe(madeFirst);
  });

  it('maps accounts per company: a write-off goes to 6602 under 企业会计准则, and only a leaf account carries amounts', async () => {
    const world = await aWorld();
    const chart = await world.api.ok('vouchers.applyStandard', { standard: 'enterprise' });
    expect(chart.mapping.writeoff).toBe('6602');
    expect(chart.accounts.find((a) => a.code === '2221')).toMatchObject({ leaf: false });
    const refused = await world.api.call('vouchers.setMapping', { role: 'output_vat', accountCode: '222101' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'accountCode', code: 'not_leaf_account' }] } });
    await world.api.ok('vouchers.saveAccount', { code: '100201', name: '银行存款—工商银行', parentCode: null });
    const mapped = await world.api.ok('vouchers.setMapping', { role: 'bank', accountCode: '100201' });
    expect(mapped.mapping.bank).toBe('100201');
    const customerId = await aCustomer(world);
    await aReceipt(world, customerId, 800, '2026-05-01');
    const [receipt] = await vouchersOf(world, '2026-05-01', '2026-05-31');
    expect(receipt!.lines[0]).toMatchObject({ accountCode: '100201', accountName: '银行存款—工商银行' });
    // A mapped account cannot become a parent: its amounts would sit above a leaf.
    expect(await world.api.call('vouchers.saveAccount', { code: '10020101', name: '基本户', parentCode: '100201' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await world.api.call('vouchers.setMapping', { role: 'bank', accountCode: '9999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('voucher export', () => {
  async function aMonth(): Promise<World> {
    const world = await aWorld();
    const customerId = await aCustomer(world, { name: '南京博雅食品有限公司' });
    await anInvoice(world, customerId, 113_000, '2026-03-02');
    await aReceipt(world, customerId, 50_000, '2026-03-09');
    return world;
  }

  async function sheetOf(content: Uint8Array): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(content) as unknown as ArrayBuffer);
    return workbook.worksheets[0]!;
  }

  const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

  it('writes the Kingdee 标准格式凭证: 37 columns, one row per line, the customer as 客户---code---name', async () => {
    const world = await aMonth();
    const file = await world.api.ok('vouchers.export', { from: '2026-03-01', to: '2026-03-31', format: 'kingdee' });
    expect(file.voucherCount).toBe(2);
    const sheet = await sheetOf(file.content);
    const header = rowValues(sheet, 1);
    expect(header).toHaveLength(37);
    expect(header.slice(0, 12)).toEqual(['凭证日期', '会计年度', '会计期间', '凭证字', '凭证号', '科目代码', '科目名称', '币别代码', '币别名称', '原币金额', '借方', '贷方']);
    expect(header.slice(33)).toEqual(['核算项目', '过账', '机制凭证', '现金流量']);
    expect(sheet.rowCount).toBe(1 + 3 + 2);
    const col = (name: string) => header.indexOf(name) + 1;
    const first = sheet.getRow(2);
    expect(first.getCell(col('凭证字')).value).toBe('记');
    expect(first.getCell(col('凭证号')).value).toBe(1);
    expect(first.getCell(col('会计期间')).value).toBe(3);
    expect(first.getCell(col('科目代码')).value).toBe('1122');
    expect(first.getCell(col('借方')).value).toBe(1130);
    expect(String(first.getCell(col('核算项目')).value)).toMatch(/^客户---C\d+---南京博雅食品有限公司$/);
    expect(sheet.getRow(4).getCell(col('贷方')).value).toBe(130);
    expect(sheet.getRow(5).getCell(col('凭证号')).value).toBe(2);

    // Every cell of every line reads back as the voucher has it (the file's text is in shared strings).
    const preparedBy = first.getCell(col('制单')).value;
    expect(preparedBy).toBeTruthy();
    const vouchers = (await world.api.ok('vouchers.list', { from: '2026-03-01', to: '2026-03-31' })).rows;
    const expected = vouchers.flatMap((v, i) =>
      v.lines.map((l) => {
        const date = new Date(`${v.date}T00:00:00Z`);
        const customer = l.customerCode ? `客户---${l.customerCode}---${l.customerName}` : null;
        return [date, 2026, 3, '记', v.number, l.accountCode, l.accountName, 'RMB', '人民币', (l.debit + l.credit) / 100, l.debit / 100, l.credit / 100, preparedBy,
          null, null, null, null, null, null, l.summary, 0, null, 0, v.documentNo, date, l.customerCode ? v.documentNo : null, 0, i + 1, null, null, '公司汇率', 1, l.lineNo, customer, 0, null, null];
      }),
    );
    const cells = Array.from({ length: sheet.rowCount - 1 }, (_, r) => header.map((_, c) => sheet.getRow(r + 2).getCell(c + 1).value));
    expect(cells).toEqual(expected);
  });

  it('writes the Yonyou U8 import: 36 columns with the customer code on the receivable line', async () => {
    const world = await aMonth();
    const file = await world.api.ok('vouchers.export', { from: '2026-03-01', to: '2026-03-31', format: 'yonyou' });
    const sheet = await sheetOf(file.content);
    const header = rowValues(sheet, 1);
    expect(header).toHaveLength(36);
    expect(header.slice(0, 6)).toEqual(['会计期间', '凭证类别字', '凭证类别排序号', '凭证编号', '行号', '制单日期']);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.getRow(2).getCell(col('科目编码')).value).toBe('1122');
    expect(String(sheet.getRow(2).getCell(col('客户编码')).value)).toMatch(/^C\d+$/);
    expect(sheet.getRow(3).getCell(col('客户编码')).value).toBeNull();
    expect(sheet.getRow(3).getCell(col('贷方金额')).value).toBe(1000);
  });

  it('logs every export and refuses a repeat of the same dates until it is confirmed', async () => {
    const world = await aMonth();
    await world.api.ok('vouchers.export', { from: '2026-03-01', to: '2026-03-31', format: 'csv' });
    const again = await world.api.call('vouchers.export', { from: '2026-03-05', to: '2026-04-30', format: 'hledger' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'repeat', code: 'already_exported', params: { count: 1 } }] } });
    const confirmed = await world.api.ok('vouchers.export', { from: '2026-03-05', to: '2026-04-30', format: 'hledger', repeat: true });
    expect(confirmed).toMatchObject({ voucherCount: 1, previousExports: 1 });
    const history = await world.api.ok('vouchers.exportHistory', {});
    expect(history.rows.map((e) => [e.format, e.dateFrom, e.dateTo, e.voucherCount, e.firstVoucher, e.lastVoucher])).toEqual([
      ['hledger', '2026-03-05', '2026-04-30', 1, '2026-03 记-2', '2026-03 记-2'],
      ['csv', '2026-03-01', '2026-03-31', 2, '2026-03 记-1', '2026-03 记-2'],
    ]);
    expect(history.rows[0]!.username).toBeTruthy();
    expect(history.rows[0]!.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets other writes through while the file is written, and logs the file it returned', async () => {
    const world = await aMonth();
    const customerId = world.sqlite.prepare('SELECT id FROM customers').pluck().get() as string;
    const finished: string[] = [];
    const exporting = world.api.ok('vouchers.export', { from: '2026-03-01', to: '2026-03-31', format: 'kingdee' }).then((file) => (finished.push('export'), file));
    await aReceipt(world, customerId, 20_000, '2026-04-02').then(() => finished.push('receipt'));
    const file = await exporting;
    // Made inside the write transaction, the month's file kept every posting waiting until it was done.
    expect(finished).toEqual(['receipt', 'export']);
    const logged = world.sqlite.prepare('SELECT file_sha256, voucher_count FROM voucher_exports').all();
    expect(logged).toEqual([{ file_sha256: createHash('sha256').update(Buffer.from(file.content)).digest('hex'), voucher_count: 2 }]);
  });

  it('refuses the second of two exports of the same dates made at once, logging only the first', async () => {
    const world = await aMonth();
    const month = { from: '2026-03-01', to: '2026-03-31', format: 'csv' } as const;
    const [first, second] = await Promise.all([world.api.call('vouchers.export', month), world.api.call('vouchers.export', month)]);
    expect(first).toMatchObject({ ok: true, data: { voucherCount: 2, previousExports: 0 } });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'repeat', code: 'already_exported', params: { count: 1 } }] } });
    expect(world.sqlite.prepare('SELECT count(*) FROM voucher_exports').pluck().get()).toBe(1);
  });

  it('reports its progress in vouchers written, and a cancel leaves nothing exported or logged', async () => {
    const world = await aWorld();
    const insert = world.sqlite.prepare(
      `INSERT INTO stock_moves (id, move_date, product_id, warehouse_id, kind, quantity, unit_cost, value, document_type, document_id, document_no, created_at)
       VALUES (?, ?, ?, ?, 'delivery', -1, 500, -500, 'delivery', ?, ?, ?)`,
    );
    // Five thousand deliveries' cost of sales: five thousand vouchers, written in batches.
    world.sqlite.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(newId(), `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`, world.productId, world.warehouseId, newId(), `FH-2026-${String(i + 1).padStart(6, '0')}`, new Date().toISOString());
    })();
    const month = { from: '2026-03-01', to: '2026-03-31', format: 'kingdee' } as const;
    const seen: { done: number; total: number }[] = [];
    const stop = world.api.backend.onEvent((event) => event.kind === 'progress' && event.jobId === 'voucher-export-1' && seen.push({ done: event.done, total: event.total }));
    const whole = await world.api.ok('vouchers.export', { ...month, jobId: 'voucher-export-1' });
    stop();
    expect(whole.voucherCount).toBe(5000);
    expect(seen.map((p) => p.total)).toEqual([5000, 5000, 5000]);
    expect(seen.map((p) => p.done)).toEqual([2000, 4000, 5000]);

    const cancelled = reaching(world.api, 'voucher-export-2', 'writing', 0, () => void world.api.call('jobs.cancel', { jobId: 'voucher-export-2' }));
    const answer = await world.api.call('vouchers.export', { ...month, repeat: true, jobId: 'voucher-export-2' });
    await cancelled;
    expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(world.sqlite.prepare('SELECT count(*) FROM voucher_exports').pluck().get()).toBe(1);
  });

  it('writes the generic CSV with red-ink amounts as numbers', async () => {
    const world = await aMonth();
    const customerId = world.sqlite.prepare('SELECT id FROM customers').pluck().get() as string;
    const invoice = await anInvoice(world, customerId, 1_000, '2026-03-10');
    await world.api.ok('receivables.reverseInvoice', { id: invoice.id, reversedOn: '2026-03-11', reason: '开错' });
    const file = await world.api.ok('vouchers.export', { from: '2026-03-01', to: '2026-03-31', format: 'csv' });
    const lines = Buffer.from(file.content).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('date,period,voucher,line_no,summary,account_code,account_name,debit,credit,customer_code,customer_name,source,document_no');
    expect(lines.at(-3)).toMatch(/^2026-03-11,2026-03,记-4,1,冲销 销售发票 INV-2026-\d+ 南京博雅食品有限公司,1122,应收账款,-10.00,0.00,C\d+,南京博雅食品有限公司,invoice,INV-/);
  });
});
