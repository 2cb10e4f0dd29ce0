import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BankStatementLine, BankStatementPreview } from '../../../src-main/domain/receivables/receivables.dto';
import { fakeBackend, refusal } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { BankImportModal } from './BankImportModal';
import messages from './messages.zh-CN';

const BOYA = '0190a0b0-0000-7000-8000-0000000000c1';
const TIANHENG = '0190a0b0-0000-7000-8000-0000000000c2';
const INVOICE = '0190a0b0-0000-7000-8000-0000000000e1';
const OTHER_INVOICE = '0190a0b0-0000-7000-8000-0000000000e2';

function aLine(line: number, fields: Partial<BankStatementLine>): BankStatementLine {
  return { line, date: '2026-11-20', payer: '', account: null, amount: 30_000, reference: `HX00${line}`, memo: null, problems: [], duplicateOf: null, customer: null, allocations: [], ...fields };
}

const PREVIEW: BankStatementPreview = {
  encoding: 'gbk',
  columns: { date: '交易日期', payer: '对方户名', credit: '贷方金额' },
  outgoing: 2,
  lines: [
    aLine(4, {
      payer: '南京博雅食品有限公司',
      customer: { id: BOYA, code: 'C0001', name: '南京博雅食品有限公司', matchedOn: 'name' },
      allocations: [{ invoiceId: INVOICE, invoiceNo: 'INV-2026-000001', dueDate: '2026-11-30', openAmount: 30_000, amount: 30_000 }],
    }),
    aLine(5, { payer: '张三', amount: 12_000 }),
    aLine(6, { payer: '南京博雅食品有限公司', duplicateOf: { receiptNo: 'SK-2026-000003', line: null } }),
    aLine(7, { payer: '李四', date: null, amount: null, problems: [{ path: 'date', code: 'invalid_date', message: 'A real calendar date' }] }),
  ],
};

async function chooseFile(user: Awaited<ReturnType<typeof render>>['user']) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  const text = '交易日期,对方户名,贷方金额';
  // jsdom's File has no arrayBuffer(); the browser's does.
  const file = Object.assign(new File([text], '流水.csv', { type: 'text/csv' }), { arrayBuffer: async () => new TextEncoder().encode(text).buffer });
  await user.upload(input, file);
  return screen.findByTestId('bank-lines', {}, { timeout: 5_000 });
}

describe('importing a bank statement', () => {
  it('shows each payment with its customer and invoices, takes a customer picked by hand, and posts only the lines that can go', async () => {
    const backend = fakeBackend({
      'receivables.previewBankStatement': () => PREVIEW,
      'customers.search': () => [{ id: TIANHENG, code: 'C0002', name: '苏州天衡机械', shortName: null, status: 'active', matchHint: 'name' }],
      'receivables.suggestAllocation': () => [{ invoiceId: OTHER_INVOICE, invoiceNo: 'INV-2026-000009', dueDate: '2026-10-31', openAmount: 50_000, amount: 12_000 }],
      'receivables.importBankStatement': () => ({ posted: [], skipped: [] }),
    });
    const { user } = await render(<BankImportModal opened onClose={() => undefined} />, { permissions: ['receivables.write'] });
    const table = await chooseFile(user);
    expect(backend.inputsOf('receivables.previewBankStatement')[0]).toMatchObject({ fileName: '流水.csv', contentBase64: Buffer.from('交易日期,对方户名,贷方金额').toString('base64') });
    expect(screen.getByTestId('bank-summary').textContent).toBe('可导入 1 笔，合计 ¥300.00');
    expect(within(table).getByTestId('bank-line-4').textContent).toContain('INV-2026-000001 · ¥300.00');
    expect(within(table).getByTestId('bank-line-4').textContent).toContain(messages.bankImport.matchedOn.name);
    expect(screen.getByTestId('bank-duplicate-6').textContent).toBe('已导入为 SK-2026-000003');
    expect(within(table).getByTestId('bank-line-7').textContent).toContain('日期：');
    expect(screen.getByText('2 笔支出已略过')).toBeTruthy();

    await user.click(screen.getByTestId('bank-customer-5'));
    await user.keyboard('天衡');
    await user.click(await screen.findByRole('option', { name: '苏州天衡机械 · C0002' }, { timeout: 5_000 }));
    await waitFor(() => expect(within(table).getByTestId('bank-line-5').textContent).toContain('INV-2026-000009 · ¥120.00'), { timeout: 5_000 });
    expect(backend.inputsOf('receivables.suggestAllocation')).toEqual([{ customerId: TIANHENG, amount: 12_000, date: '2026-11-20' }]);

    await user.type(screen.getByLabelText(messages.bankImport.bankAccount), '工行 3301');
    await user.click(screen.getByTestId('bank-submit'));
    await waitFor(() => expect(backend.inputsOf('receivables.importBankStatement')).toHaveLength(1));
    expect(backend.inputsOf('receivables.importBankStatement')[0]).toEqual({
      bankAccount: '工行 3301',
      lines: [
        { line: 4, date: '2026-11-20', payer: '南京博雅食品有限公司', amount: 30_000, reference: 'HX004', memo: null, customerId: BOYA, allocations: [{ invoiceId: INVOICE, amount: 30_000 }] },
        { line: 5, date: '2026-11-20', payer: '张三', amount: 12_000, reference: 'HX005', memo: null, customerId: TIANHENG, allocations: [{ invoiceId: OTHER_INVOICE, amount: 12_000 }] },
      ],
    });
  });

  it('leaves out a line the user unticks, and marks the line the server refused', async () => {
    const backend = fakeBackend({
      'receivables.previewBankStatement': () => ({
        ...PREVIEW,
        lines: [PREVIEW.lines[0]!, aLine(8, { payer: '南京博雅', customer: { id: BOYA, code: 'C0001', name: '南京博雅食品有限公司', matchedOn: 'name_key' } })],
      }),
      'receivables.importBankStatement': () => {
        throw refusal('VALIDATION', [{ path: 'lines.0.allocations.0.amount', code: 'more_than_open', params: { open: 10_000 } }]);
      },
    });
    const { user } = await render(<BankImportModal opened onClose={() => undefined} />, { permissions: ['receivables.write'] });
    const table = await chooseFile(user);
    await user.click(within(within(table).getByTestId('bank-line-8')).getByRole('checkbox'));
    expect(screen.getByTestId('bank-summary').textContent).toBe('可导入 1 笔，合计 ¥300.00');
    await user.click(screen.getByTestId('bank-submit'));
    expect(await screen.findByTestId('bank-refused')).toBeTruthy();
    expect(backend.inputsOf('receivables.importBankStatement')[0]!.lines.map((l) => l.line)).toEqual([4]);
    expect(screen.getByTestId('bank-error-4').textContent).toBe('核销到：超过了未结清的金额');
  });
});
