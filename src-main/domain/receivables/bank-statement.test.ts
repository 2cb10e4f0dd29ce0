import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { aCustomer, anInvoice, aWorld, balanceDue, type World } from './receivables.test-helpers';

const TIMEOUT = 60_000;

/** A statement as 工行's online banking saves it: title lines, then the header, in GBK. */
function statementFile(rows: string[][], encoding = 'gbk') {
  const text = [
    '账户明细查询',
    '账号,6222020200112233445',
    '交易日期,对方户名,对方账号,借方金额,贷方金额,摘要,交易流水号',
    ...rows.map((row) => row.join(',')),
    '合计,,,100.00,"1,950.00",,',
  ].join('\r\n');
  return { fileName: '银行流水.csv', contentBase64: iconv.encode(text, encoding).toString('base64') };
}

async function threeCustomers(world: World) {
  const boya = await aCustomer(world, { name: '南京博雅食品有限公司' });
  const tianheng = await aCustomer(world, { name: '苏州天衡机械有限公司' });
  const byAccount = await world.api.ok('customers.create', { name: '杭州远景贸易有限公司', mobile: '13912345678', bankAccount: '6217 0000 1234 5678', allowDuplicate: true });
  const boyaOld = await anInvoice(world, boya, 50_000, '2026-01-05');
  const boyaExact = await anInvoice(world, boya, 30_000, '2026-02-05');
  const tianhengInvoice = await anInvoice(world, tianheng, 100_000, '2026-01-10');
  return { boya, tianheng, yuanjing: byAccount.id, boyaOld, boyaExact, tianhengInvoice };
}

const ROWS = [
  ['2026-02-20', '南京博雅食品有限公司', '', '', '300.00', '货款', 'HX001'],
  ['2026/02/21', '苏州天衡机械', '', '', '400.00', '1月货款', 'HX002'],
  ['20260222', '南京博亚食品有限公司', '', '', '250.00', '', 'HX003'],
  ['2026-02-22', '房东', '', '100.00', '', '房租', 'HX004'],
  ['2026-02-23', '远景', '6217000012345678', '', '500.00', '', 'HX005'],
  ['2026-02-24', '张三', '', '', '500.00', '', 'HX006'],
  ['2026-02-30', '李四', '', '', 'abc', '', 'HX007'],
];

describe('bank statement import', () => {
  it(
    'suggests the customer by account, name, normalised name and pinyin, and the invoices it pays',
    async () => {
      const world = await aWorld();
      const ids = await threeCustomers(world);
      const preview = await world.api.ok('receivables.previewBankStatement', statementFile(ROWS));
      expect(preview.encoding).toBe('gbk');
      expect(preview.outgoing).toBe(1);
      expect(preview.columns).toMatchObject({ date: '交易日期', payer: '对方户名', credit: '贷方金额', reference: '交易流水号' });
      const byLine = new Map(preview.lines.map((l) => [l.line, l]));
      expect([...byLine.keys()]).toEqual([4, 5, 6, 8, 9, 10]);
      // The exact-amount invoice before the older one.
      expect(byLine.get(4)).toMatchObject({ date: '2026-02-20', amount: 30_000, reference: 'HX001', customer: { id: ids.boya, matchedOn: 'name' }, problems: [] });
      expect(byLine.get(4)!.allocations).toEqual([{ invoiceId: ids.boyaExact.id, invoiceNo: ids.boyaExact.invoiceNo, dueDate: ids.boyaExact.dueDate, openAmount: 30_000, amount: 30_000 }]);
      expect(byLine.get(5)).toMatchObject({ customer: { id: ids.tianheng, matchedOn: 'name_key' }, allocations: [{ invoiceId: ids.tianhengInvoice.id, amount: 40_000 }] });
      // 博亚 for 博雅: the same pinyin; the oldest due gets it.
      expect(byLine.get(6)).toMatchObject({ date: '2026-02-22', customer: { id: ids.boya, matchedOn: 'pinyin' }, allocations: [{ invoiceId: ids.boyaOld.id, amount: 25_000 }] });
      expect(byLine.get(8)).toMatchObject({ customer: { id: ids.yuanjing, matchedOn: 'bank_account' }, allocations: [] });
      expect(byLine.get(9)).toMatchObject({ customer: null, allocations: [] });
      expect(byLine.get(10)!.problems.map((p) => [p.path, p.code])).toEqual([
        ['date', 'invalid_date'],
        ['amount', 'invalid_amount'],
      ]);
      // A dry run posts nothing.
      expect(world.sqlite.prepare('SELECT count(*) FROM receipts').pluck().get()).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'does not suggest an invoice twice to two payments in one file, and flags a line repeated in the file',
    async () => {
      const world = await aWorld();
      const ids = await threeCustomers(world);
      const rows = [
        ['2026-02-20', '南京博雅食品有限公司', '', '', '300.00', '', 'A1'],
        ['2026-02-21', '南京博雅食品有限公司', '', '', '300.00', '', 'A2'],
        ['2026-02-21', '南京博雅食品有限公司', '', '', '300.00', '', 'A2'],
      ];
      const preview = await world.api.ok('receivables.previewBankStatement', statementFile(rows, 'utf-8'));
      expect(preview.lines.map((l) => l.allocations.map((a) => [a.invoiceId, a.amount]))).toEqual([[[ids.boyaExact.id, 30_000]], [[ids.boyaOld.id, 30_000]], []]);
      expect(preview.lines.map((l) => l.duplicateOf)).toEqual([null, null, { receiptNo: null, line: 5 }]);
    },
    TIMEOUT,
  );

  it(
    'posts the accepted lines as receipts with their allocations, and skips them when the statement comes again',
    async () => {
      const world = await aWorld();
      const ids = await threeCustomers(world);
      const preview = await world.api.ok('receivables.previewBankStatement', statementFile(ROWS));
      const [exact, , pinyin] = preview.lines;
      const accepted = [
        { line: exact!.line, date: exact!.date!, payer: exact!.payer, amount: exact!.amount!, reference: exact!.reference, memo: exact!.memo, customerId: ids.boya, allocations: exact!.allocations.map(({ invoiceId, amount }) => ({ invoiceId, amount })) },
        // The user gave 张三's payment to 苏州天衡 and let it allocate itself.
        { line: 9, date: '2026-02-24', payer: '张三', amount: 50_000, reference: 'HX006', customerId: ids.tianheng },
        // …and kept 博亚's payment as credit.
        { line: pinyin!.line, date: pinyin!.date!, payer: pinyin!.payer, amount: pinyin!.amount!, reference: pinyin!.reference, customerId: ids.boya, allocations: [] },
      ];
      const result = await world.api.ok('receivables.importBankStatement', { bankAccount: '工行 3301', lines: accepted });
      expect(result.skipped).toEqual([]);
      expect(result.posted.map((p) => [p.line, p.allocated])).toEqual([
        [4, 30_000],
        [9, 50_000],
        [6, 0],
      ]);
      const receipt = await world.api.ok('receivables.getReceipt', { id: result.posted[0]!.receiptId });
      expect(receipt).toMatchObject({ method: 'bank_transfer', bankAccount: '工行 3301', reference: 'HX001', notes: '南京博雅食品有限公司 · 货款', unappliedAmount: 0 });
      expect(await world.api.ok('receivables.getInvoice', { id: ids.boyaExact.id })).toMatchObject({ openAmount: 0 });
      expect(await world.api.ok('receivables.getInvoice', { id: ids.tianhengInvoice.id })).toMatchObject({ openAmount: 50_000 });
      expect(balanceDue(world, ids.boya)).toBe(80_000 - 30_000 - 25_000);

      const again = await world.api.ok('receivables.previewBankStatement', statementFile(ROWS));
      expect(again.lines.find((l) => l.line === 4)!.duplicateOf).toEqual({ receiptNo: result.posted[0]!.receiptNo, line: null });
      expect(again.lines.find((l) => l.line === 4)!.allocations).toEqual([]);
      const repeated = await world.api.ok('receivables.importBankStatement', { lines: accepted.slice(0, 1) });
      expect(repeated).toEqual({ posted: [], skipped: [{ line: 4, receiptNo: result.posted[0]!.receiptNo }] });
      expect(world.sqlite.prepare('SELECT count(*) FROM receipts').pluck().get()).toBe(3);
    },
    TIMEOUT,
  );

  it(
    'names every refused line and field, and posts nothing when one line is refused',
    async () => {
      const world = await aWorld();
      const ids = await threeCustomers(world);
      const missing = '00000000-0000-4000-8000-000000000000';
      const result = await world.api.call('receivables.importBankStatement', {
        lines: [
          { line: 4, date: '2026-02-20', payer: '南京博雅食品有限公司', amount: 30_000, reference: 'HX001', customerId: ids.boya },
          // 苏州天衡's invoice for 博雅's payment.
          { line: 5, date: '2026-02-21', payer: '南京博雅', amount: 10_000, reference: 'HX002', customerId: ids.boya, allocations: [{ invoiceId: ids.tianhengInvoice.id, amount: 10_000 }] },
          { line: 6, date: '2026-02-22', payer: '某人', amount: 10_000, reference: 'HX003', customerId: missing },
        ],
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (result.ok) return;
      expect(result.error.issues!.map((i) => [i.path, i.code, i.params?.line])).toEqual([
        ['lines.1.allocations.0.invoiceId', 'different_customer', 5],
        ['lines.2.customerId', 'not_found', 6],
      ]);
      expect(world.sqlite.prepare('SELECT count(*) FROM receipts').pluck().get()).toBe(0);
      expect(world.sqlite.prepare('SELECT count(*) FROM receivable_allocations').pluck().get()).toBe(0);
      expect(balanceDue(world, ids.boya)).toBe(80_000);
    },
    TIMEOUT,
  );

  it(
    'refuses a file without a date, payer and amount column, naming the headers it looks for',
    async () => {
      const world = await aWorld();
      const text = '客户,电话\r\n南京博雅,13800000000\r\n';
      const result = await world.api.call('receivables.previewBankStatement', { fileName: '客户.csv', contentBase64: Buffer.from(text).toString('base64') });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'fileName', code: 'invalid_format', params: { expected: '交易日期, 对方户名, 贷方金额' } }] } });
    },
    TIMEOUT,
  );

  it(
    'suggests the invoices again when the user picks another customer',
    async () => {
      const world = await aWorld();
      const ids = await threeCustomers(world);
      expect(await world.api.ok('receivables.suggestAllocation', { customerId: ids.boya, amount: 60_000, date: '2026-02-28' })).toMatchObject([
        { invoiceId: ids.boyaOld.id, amount: 50_000, openAmount: 50_000 },
        { invoiceId: ids.boyaExact.id, amount: 10_000, openAmount: 30_000 },
      ]);
    },
    TIMEOUT,
  );
});
