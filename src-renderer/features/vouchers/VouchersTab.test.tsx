import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBackend, refusal } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { ExportHistoryTab } from './ExportHistoryTab';
import messages from './messages.zh-CN';
import { aPeriodStatus, anInvoiceVoucher } from './test-fixtures';
import { VouchersTab } from './VouchersTab';

const VOUCHERS = [anInvoiceVoucher(1, 113_000), anInvoiceVoucher(2, 2_260, '2026-10-20')];

let downloads: string[] = [];
let saved: Blob[] = [];
beforeEach(() => {
  downloads = [];
  saved = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    saved.push(blob);
    return 'blob:voucher-file';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => vi.restoreAllMocks());

function monthBackend(exportCalls: { repeat: boolean }[] = []) {
  return fakeBackend({
    'vouchers.list': () => ({ rows: VOUCHERS, total: 2, totalIsExact: true }),
    'vouchers.periodSummary': (input) => ({ period: input.period, voucherCount: 2, debitTotal: 115_260, creditTotal: 115_260 }),
    'vouchers.periods': () => aPeriodStatus('2026-09'),
    'vouchers.export': (input) => {
      exportCalls.push({ repeat: input.repeat ?? false });
      if (!input.repeat) throw refusal('CONFLICT', [{ path: 'repeat', code: 'already_exported', params: { count: 1, at: '2026-11-01T02:00:00.000Z' } }]);
      return { fileName: '记账凭证-kingdee-2026-10-01_2026-10-31.xlsx', content: new TextEncoder().encode('PK xlsx'), voucherCount: 2, previousExports: 1 };
    },
  });
}

describe('the vouchers of a month', () => {
  it("shows the month's vouchers with their entries (借/贷, account, customer, amount), paged on the server, and the month's balanced totals", async () => {
    const backend = monthBackend();
    await render(<VouchersTab />, { path: '/vouchers', url: '/vouchers?month=2026-10', permissions: ['vouchers.read'] });

    const entries = await screen.findByTestId('entries-1');
    expect(backend.inputsOf('vouchers.list')[0]).toEqual({ from: '2026-10-01', to: '2026-10-31', page: 1, pageSize: 50 });
    const lines = within(entries).getAllByRole('row').map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(lines).toEqual([
      ['借', '1122 应收账款C000123 南京博雅食品有限公司', '¥1,130.00'],
      ['贷', '6001 主营业务收入', '¥1,000.00'],
      ['贷', '22210102 应交税费—应交增值税（销项税额）', '¥130.00'],
    ]);
    // The customer (the auxiliary item) sits under its account.
    expect(within(entries).getByTestId('entry-customer').textContent).toBe('C000123 南京博雅食品有限公司');
    expect(screen.getByText('记-2')).toBeTruthy();
    const totals = await screen.findByTestId('month-totals');
    await waitFor(() => expect(totals.textContent).toContain('2026-10：共 2 张凭证，借方合计 ¥1,152.60，贷方合计 ¥1,152.60'));
    expect(totals.textContent).toContain(messages.list.balanced);
    // October is open (closed through September): no lock shown.
    expect(totals.textContent).not.toContain(messages.list.closed);
    // Someone who may only read is offered no export.
    expect(screen.queryByTestId('open-voucher-export')).toBeNull();
  });

  it('exports the month to Kingdee XLSX, warns that the dates were exported before, and downloads only once the accountant confirms', async () => {
    const calls: { repeat: boolean }[] = [];
    const backend = monthBackend(calls);
    const { user } = await render(<VouchersTab />, { path: '/vouchers', url: '/vouchers?month=2026-10', permissions: ['vouchers.read', 'vouchers.export'] });

    await user.click(await screen.findByTestId('open-voucher-export'));
    await user.click(screen.getByTestId('run-voucher-export'));
    const warning = await screen.findByTestId('voucher-export-repeat');
    expect(warning.textContent).toContain(messages.export.repeatTitle);
    expect(warning.textContent).toContain('2026-10-01 至 2026-10-31 与之前的导出重叠，已导出过 1 次');
    expect(downloads).toEqual([]);

    await user.click(screen.getByTestId('confirm-voucher-export'));
    await waitFor(() => expect(downloads).toEqual(['记账凭证-kingdee-2026-10-01_2026-10-31.xlsx']));
    // The file's bytes as the call answered them, typed as a workbook.
    expect(saved[0]!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const reader = new FileReader();
    const read = new Promise((resolve) => (reader.onload = () => resolve(reader.result)));
    reader.readAsText(saved[0]!);
    expect(await read).toBe('PK xlsx');
    expect(backend.inputsOf('vouchers.export').map(({ jobId: _jobId, ...input }) => input)).toEqual([
      { from: '2026-10-01', to: '2026-10-31', format: 'kingdee', repeat: false },
      { from: '2026-10-01', to: '2026-10-31', format: 'kingdee', repeat: true },
    ]);
    expect(await screen.findByText('已导出 2 张凭证：记账凭证-kingdee-2026-10-01_2026-10-31.xlsx')).toBeTruthy();
  });
  it('shows how many vouchers are written while a long export runs, and stops it on request without downloading', async () => {
    let refuse: (error: unknown) => void = () => undefined;
    const backend = fakeBackend({
      'vouchers.list': () => ({ rows: VOUCHERS, total: 2, totalIsExact: true }),
      'vouchers.periodSummary': (input) => ({ period: input.period, voucherCount: 2, debitTotal: 115_260, creditTotal: 115_260 }),
      'vouchers.periods': () => aPeriodStatus('2026-09'),
      'vouchers.export': () => new Promise((_resolve, reject) => (refuse = reject)),
      'jobs.cancel': () => {
        refuse(refusal('CANCELLED'));
        return { cancelled: true };
      },
    });
    const { user } = await render(<VouchersTab />, { path: '/vouchers', url: '/vouchers?month=2026-10', permissions: ['vouchers.read', 'vouchers.export'] });

    await user.click(await screen.findByTestId('open-voucher-export'));
    await user.click(screen.getByTestId('run-voucher-export'));
    const progress = await screen.findByTestId('voucher-export-progress');
    expect(progress.textContent).toContain(messages.export.reading);
    const jobId = backend.inputsOf('vouchers.export')[0]!.jobId!;
    backend.emit({ kind: 'progress', jobId, done: 40_000, total: 113_622, message: 'writing' });
    await waitFor(() => expect(progress.textContent).toContain('正在写入第 40,000 张，共 113,622 张凭证'));

    await user.click(screen.getByTestId('cancel-voucher-export'));
    expect(backend.inputsOf('jobs.cancel')).toEqual([{ jobId }]);
    expect(await screen.findByText(messages.export.cancelled)).toBeTruthy();
    expect(downloads).toEqual([]);
  });
});

describe('the export history', () => {
  it('lists who exported which dates in which format and how many, and exports the history to Excel', async () => {
    const backend = fakeBackend({
      'vouchers.exportHistory': () => ({
        rows: [
          { id: 'x1', dateFrom: '2026-10-01', dateTo: '2026-10-31', format: 'kingdee', voucherCount: 42, firstVoucher: '2026-10 记-1', lastVoucher: '2026-10 记-42', fileSha256: 'ab', username: 'li', at: '2026-11-01T02:00:00.000Z' },
        ],
        total: 1,
        totalIsExact: true,
      }),
      'exports.voucherHistory': () => ({ fileName: '凭证导出记录-2026-11-29.xlsx', content: new TextEncoder().encode('PK x'), rows: 1 }),
    });
    const { user } = await render(<ExportHistoryTab />, { permissions: ['vouchers.read'] });
    const table = await screen.findByTestId('data-table');
    const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(1, 5)).toEqual(['li', '2026-10-01 ~ 2026-10-31', '金蝶 XLSX', '42']);

    await user.click(screen.getByTestId('table-export'));
    await waitFor(() => expect(downloads).toEqual(['凭证导出记录-2026-11-29.xlsx']));
    expect(backend.inputsOf('exports.voucherHistory')).toEqual([{ format: 'xlsx', language: 'zh-CN', jobId: expect.any(String) }]);
  });
});
