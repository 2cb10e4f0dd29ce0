import { screen, waitFor, within } from '@testing-library/react';
import type { ChartData, ChartOptions } from 'chart.js';
import { describe, expect, it, vi } from 'vitest';
import type { AgingReport } from '../../../src-main/domain/receivables/receivables.dto';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { AgingPage } from './Aging.page';

/** The chart as react-chartjs-2 was given it (jsdom draws no canvas). */
const drawn = vi.hoisted(() => ({ data: null as unknown, options: null as unknown }));
vi.mock('react-chartjs-2', () => ({
  Chart: (props: { data: unknown; options: unknown }) => {
    drawn.data = props.data;
    drawn.options = props.options;
    return null;
  },
}));

const BUCKETS = ['not_due', '1-30', '31-60', '61-90', '91-180', 'over_180'];

function aReport(customers: number): AgingReport {
  const rows = Array.from({ length: customers }, (_, n) => {
    const by_bucket = Object.fromEntries(BUCKETS.map((b, i) => [b, i === n % 6 ? (n + 1) * 1_000 : 0]));
    return { customer_code: `C${String(n + 1).padStart(6, '0')}`, customer_name: `客户${n + 1}号`, total: (n + 1) * 1_000, by_bucket };
  });
  const by_bucket = Object.fromEntries(BUCKETS.map((b) => [b, rows.reduce((s, r) => s + r.by_bucket[b]!, 0)]));
  return { as_of: '2026-06-30', buckets: BUCKETS, rows, totals: { total: rows.reduce((s, r) => s + r.total, 0), by_bucket } };
}

describe('the aging screen', () => {
  it('draws the buckets without a legend naming nothing', async () => {
    fakeBackend({ 'receivables.aging': () => aReport(3) });
    await render(<AgingPage />, { path: '/receivables', permissions: ['receivables.read'] });
    await screen.findByTestId('aging-table');
    const options = drawn.options as ChartOptions<'bar'>;
    const data = drawn.data as ChartData<'bar'>;
    expect(options.plugins?.legend).toEqual({ display: false });
    expect(data.datasets.map((d) => d.label)).toEqual(['各账龄段金额（元）']);
    expect(data.labels).toEqual(['未到期', '1–30 天', '31–60 天', '61–90 天', '91–180 天', '180 天以上']);
  });

  it('pages 60 customers 50 at a time, keeps the totals under each page, and exports the day’s report', async () => {
    const report = aReport(60);
    const backend = fakeBackend({ 'receivables.aging': () => report, 'exports.aging': () => ({ fileName: '应收账龄.xlsx', rows: 61, content: new Uint8Array([1]) }) as never });
    URL.createObjectURL = vi.fn(() => 'blob:aging');
    URL.revokeObjectURL = vi.fn();
    const { user } = await render(<AgingPage />, { path: '/receivables', permissions: ['receivables.read'] });
    const table = await screen.findByTestId('aging-table');
    const names = () => within(table).getAllByRole('row').slice(1, -1).map((r) => within(r).getAllByRole('cell')[1]!.textContent);
    expect(names()).toHaveLength(50);
    expect(names()[0]).toBe('客户1号');
    expect(screen.getByTestId('page-total').textContent).toBe('60 家客户');
    expect(screen.getByTestId('aging-totals-row').textContent).toContain('¥18,300.00');

    await user.click(screen.getByRole('button', { name: '2' }));
    expect(names()).toEqual(Array.from({ length: 10 }, (_, n) => `客户${51 + n}号`));
    expect(screen.getByTestId('aging-totals-row').textContent).toContain('¥18,300.00');
    // 对账 opens the year so far up to the aging's day.
    expect(screen.getByTestId('reconcile-C000051').getAttribute('href')).toBe('/receivables/reconciliation?code=C000051&from=2026-01-01&to=2026-06-30');

    await user.click(screen.getByTestId('table-export'));
    await waitFor(() => expect(backend.inputsOf('exports.aging')).toHaveLength(1));
    // The file is the report on screen: the day it was read for.
    expect(backend.inputsOf('exports.aging')[0]).toMatchObject({ asOf: report.as_of, format: 'xlsx', language: 'zh-CN' });
  });

  it('asks for the biggest balance first, then for the order of the header clicked, kept in the URL', async () => {
    const backend = fakeBackend({ 'receivables.aging': ({ asOf }) => ({ ...aReport(60), as_of: asOf }) });
    const { user, router } = await render(<AgingPage />, { path: '/receivables', permissions: ['receivables.read'] });
    await screen.findByTestId('aging-table');
    const asked = () => backend.inputsOf('receivables.aging').at(-1)?.sort;
    const header = (name: string) => within(screen.getByTestId('aging-table')).getByRole('columnheader', { name });
    const firstRow = () => within(screen.getByTestId('aging-table')).getAllByRole('row')[1]!.textContent;
    expect(asked()).toEqual({ field: 'total', dir: 'desc' });
    expect(header('应收合计').getAttribute('aria-sort')).toBe('descending');
    expect(router.state.location.search).toBe('');
    await user.click(screen.getByRole('button', { name: '2' }));
    expect(firstRow()).toContain('C000051');

    // An amount starts from the biggest; the next click turns it round.
    await user.click(within(header('180 天以上')).getByRole('button'));
    await waitFor(() => expect(asked()).toEqual({ field: 'over_180', dir: 'desc' }));
    expect(router.state.location.search).toBe('?s=over_180.desc');
    expect(header('180 天以上').getAttribute('aria-sort')).toBe('descending');
    expect(header('应收合计').getAttribute('aria-sort')).toBeNull();
    // Another order starts again at page 1.
    expect(firstRow()).toContain('C000001');
    await user.click(within(header('180 天以上')).getByRole('button'));
    await waitFor(() => expect(asked()).toEqual({ field: 'over_180', dir: 'asc' }));
    expect(header('180 天以上').getAttribute('aria-sort')).toBe('ascending');

    await user.click(within(header('客户')).getByRole('button'));
    await waitFor(() => expect(asked()).toEqual({ field: 'name', dir: 'asc' }));
    await user.click(within(header('客户编码')).getByRole('button'));
    await waitFor(() => expect(asked()).toEqual({ field: 'code', dir: 'asc' }));
    expect(router.state.location.search).toBe('?s=code.asc');
    // Back to the first order (read before, so not asked again), the URL forgets the sort.
    await user.click(within(header('应收合计')).getByRole('button'));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(header('应收合计').getAttribute('aria-sort')).toBe('descending');
  });

  it('opens in the order its URL carries, and exports the rows in it', async () => {
    const backend = fakeBackend({ 'receivables.aging': () => aReport(3), 'exports.aging': () => ({ fileName: '应收账龄.xlsx', rows: 4, content: new Uint8Array([1]) }) as never });
    URL.createObjectURL = vi.fn(() => 'blob:aging');
    URL.revokeObjectURL = vi.fn();
    const { user } = await render(<AgingPage />, { path: '/receivables', url: '/receivables?s=61-90.desc', permissions: ['receivables.read'] });
    const table = await screen.findByTestId('aging-table');
    expect(backend.inputsOf('receivables.aging')).toEqual([expect.objectContaining({ sort: { field: '61-90', dir: 'desc' } })]);
    expect(within(table).getByRole('columnheader', { name: '61–90 天' }).getAttribute('aria-sort')).toBe('descending');
    await user.click(screen.getByTestId('table-export'));
    await waitFor(() => expect(backend.inputsOf('exports.aging')).toHaveLength(1));
    expect(backend.inputsOf('exports.aging')[0]).toMatchObject({ sort: { field: '61-90', dir: 'desc' } });
  });
});
