import { describe, expect, it } from 'vitest';
import { csvLines, sheetRows } from '../exports/exports.test-helpers';
import { aCustomer, anInvoice, aReceipt, aWorld } from './receivables.test-helpers';

const yuan = (fen: number) => fen / 100;

describe('the aging and the reconciliation as files', () => {
  it('writes the aging’s rows per customer and its totals, as the report has them', async () => {
    const world = await aWorld();
    const shunda = await aCustomer(world, { name: '杭州顺达五金有限公司', paymentTermsDays: 30 });
    const jinqiao = await aCustomer(world, { name: '南京金桥贸易有限公司', paymentTermsDays: 30 });
    await anInvoice(world, shunda, 100_00, '2026-01-10');
    await anInvoice(world, shunda, 250_00, '2026-06-20');
    await anInvoice(world, jinqiao, 80_00, '2026-05-15');
    await aReceipt(world, jinqiao, 30_00, '2026-06-01');
    const report = await world.api.ok('receivables.aging', { asOf: '2026-06-30' });

    const file = await world.api.ok('exports.aging', { asOf: '2026-06-30', format: 'xlsx', language: 'zh-CN' });
    expect(file.fileName).toMatch(/^应收账龄-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await sheetRows(file.content);
    expect(rows[0]).toEqual(['客户编码', '客户名称', '未到期', '1–30 天', '31–60 天', '61–90 天', '91–180 天', '180 天以上', '应收合计']);
    const amounts = (line: { total: number; by_bucket: Record<string, number> }) => [...report.buckets.map((b) => yuan(line.by_bucket[b]!)), yuan(line.total)];
    expect(rows.slice(1)).toEqual([
      ...report.rows.map((r) => [r.customer_code, r.customer_name, ...amounts(r)]),
      // The totals row has no customer code: its first cell is empty.
      [undefined, '合计', ...amounts(report.totals)],
    ]);
    expect(report.rows.map((r) => r.customer_name).sort()).toEqual(['南京金桥贸易有限公司', '杭州顺达五金有限公司'].sort());
    expect(report.totals.total).toBe(100_00 + 250_00 + 80_00 - 30_00);
    expect(file.rows).toBe(report.rows.length + 1);

    // For tools: the customers' rows only, codes and yuan text.
    const csv = csvLines((await world.api.ok('exports.aging', { asOf: '2026-06-30', format: 'csv' })).content);
    expect(csv[0]).toBe('customer_code,customer_name,not_due,1-30,31-60,61-90,91-180,over_180,total');
    expect(csv).toHaveLength(report.rows.length + 1);
  });

  it('writes the reconciliation’s ledger between its opening and closing balances', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world, { name: '南京金桥贸易有限公司' });
    await anInvoice(world, customerId, 500_00, '2026-02-10');
    const march = await anInvoice(world, customerId, 300_00, '2026-03-05');
    const receipt = await aReceipt(world, customerId, 200_00, '2026-03-20');
    const report = await world.api.ok('receivables.reconciliation', { customerId, from: '2026-03-01', to: '2026-03-31' });

    const file = await world.api.ok('exports.reconciliation', { customerId, from: '2026-03-01', to: '2026-03-31', format: 'xlsx', language: 'zh-CN' });
    expect(file.fileName).toMatch(/^对账单-/);
    const rows = await sheetRows(file.content);
    expect(rows[0]).toEqual(['日期', '摘要', '单号', '核销发票', '金额', '应收增减', '余额', '原因']);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[6]])).toEqual([
      ['期初余额', undefined, 500],
      ['发票', march.invoiceNo, 800],
      ['收款', receipt.receipt.receiptNo, 600],
      ['期末余额', undefined, 600],
    ]);
    expect(report.closingBalance).toBe(600_00);
    expect(file.rows).toBe(report.entries.length + 2);

    const refused = await world.api.call('exports.reconciliation', { customerId, from: '2026-03-31', to: '2026-03-01', format: 'csv' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'to' }] } });
  });
});
