import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { LeadRow, LeadStatus } from '../../src-main/domain/leads/leads.contract';
import zhCN from '../i18n/zh-CN';
import { api } from '../api/client';
import { fakeBackend, refusal } from '../test-utils/fake-backend';
import { render } from '../test-utils/render';
import { DataTable, type Column } from './DataTable';
import { EmptyState } from './EmptyState';

const SURNAMES = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王'];

function aLead(n: number, status: LeadStatus = 'new'): LeadRow {
  const code = `L${String(n).padStart(6, '0')}`;
  return {
    id: `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    code,
    name: `${SURNAMES[n % SURNAMES.length]}先生${n}`,
    company: null,
    title: null,
    mobile: null,
    email: null,
    source: null,
    campaignId: null,
    campaignName: null,
    status,
    lostReason: null,
    ownerUserId: null,
    ownerName: null,
    customerId: null,
    customerCode: null,
    convertedAt: null,
    lastContactedAt: null,
    createdAt: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}Z`,
  };
}

/** leads.list over a fixed set of leads: filtered by q, sorted by code or name, paged, as the server does. */
function leadsBackend(leads: LeadRow[]) {
  return fakeBackend({
    'leads.list': ({ q, sort, page = 1, pageSize = 50 }) => {
      const found = leads.filter((l) => !q || l.name.includes(q));
      const field = sort?.field === 'name' ? 'name' : 'code';
      const sorted = [...found].sort((a, b) => a[field].localeCompare(b[field], 'zh-CN') * (sort?.dir === 'desc' ? -1 : 1));
      return { rows: sorted.slice((page - 1) * pageSize, page * pageSize), total: found.length, totalIsExact: true };
    },
  });
}

const columns: Column<LeadRow, 'code' | 'name' | 'status' | 'createdAt'>[] = [
  { key: 'code', header: '编号', render: (l) => l.code, sortField: 'code' },
  { key: 'name', header: '姓名', render: (l) => l.name, sortField: 'name' },
  { key: 'status', header: '状态', render: (l) => l.status },
];

function LeadsTable() {
  const [q, setQ] = useState('');
  return (
    <>
      <input aria-label="搜索" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <DataTable method="leads.list" input={{ q: q || undefined }} columns={columns} rowKey={(l) => l.id} empty={<EmptyState title="还没有线索" text="新建一条线索试试" />} />
    </>
  );
}

const shownCodes = () =>
  within(screen.getByTestId('data-table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('the data table', () => {
  it('shows the rows of the first page under their headers, and the total', async () => {
    leadsBackend([aLead(1), aLead(2, 'contacted'), aLead(3)]);
    await render(<LeadsTable />);
    await screen.findByTestId('data-table');
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['编号', '姓名', '状态']);
    expect(shownCodes()).toEqual(['L000001', 'L000002', 'L000003']);
    within(screen.getAllByRole('row')[2]!).getByText('contacted');
    screen.getByText('共 3 条');
  });

  it('shows the empty state, not a table, when nothing matches', async () => {
    leadsBackend([]);
    await render(<LeadsTable />);
    await screen.findByText('还没有线索');
    expect(screen.queryByTestId('data-table')).toBeNull();
  });

  it('asks the server for the page clicked and for a new page size, starting again at page 1', async () => {
    const backend = leadsBackend(Array.from({ length: 120 }, (_, i) => aLead(i + 1)));
    const { user } = await render(<LeadsTable />);
    await screen.findByTestId('data-table');
    expect(shownCodes()).toHaveLength(50);

    await user.click(screen.getByRole('button', { name: '3' }));
    await waitFor(() => expect(shownCodes()[0]).toBe('L000101'));
    expect(shownCodes()).toHaveLength(20);
    expect(backend.inputsOf('leads.list').at(-1)).toMatchObject({ page: 3, pageSize: 50 });

    await user.click(screen.getByRole('textbox', { name: zhCN.table.pageSize }));
    await user.click(await screen.findByRole('option', { name: '20' }));
    await waitFor(() => expect(shownCodes()).toHaveLength(20));
    expect(shownCodes()[0]).toBe('L000001');
    expect(backend.inputsOf('leads.list').at(-1)).toMatchObject({ page: 1, pageSize: 20 });
    screen.getByText('共 120 条');
  });

  it('sorts on the server by the header clicked, then the other way, and says so to assistive technology', async () => {
    const backend = leadsBackend([aLead(3), aLead(1), aLead(2)]);
    const { user } = await render(<LeadsTable />);
    await screen.findByTestId('data-table');
    const codeHeader = screen.getByRole('columnheader', { name: '编号' });
    expect(codeHeader.getAttribute('aria-sort')).toBeNull();

    await user.click(within(codeHeader).getByRole('button'));
    await waitFor(() => expect(codeHeader.getAttribute('aria-sort')).toBe('ascending'));
    expect(backend.inputsOf('leads.list').at(-1)).toMatchObject({ sort: { field: 'code', dir: 'asc' } });
    expect(shownCodes()).toEqual(['L000001', 'L000002', 'L000003']);

    await user.click(within(codeHeader).getByRole('button'));
    await waitFor(() => expect(shownCodes()).toEqual(['L000003', 'L000002', 'L000001']));
    expect(codeHeader.getAttribute('aria-sort')).toBe('descending');
    expect(backend.inputsOf('leads.list').at(-1)).toMatchObject({ sort: { field: 'code', dir: 'desc' } });
    // A column the method cannot sort by has a plain header.
    expect(within(screen.getByRole('columnheader', { name: '状态' })).queryByRole('button')).toBeNull();
  });

  it('goes back to page 1 when the search changes', async () => {
    const backend = leadsBackend(Array.from({ length: 120 }, (_, i) => aLead(i + 1)));
    const { user } = await render(<LeadsTable />);
    await screen.findByTestId('data-table');
    await user.click(screen.getByRole('button', { name: '2' }));
    await waitFor(() => expect(shownCodes()[0]).toBe('L000051'));

    await user.type(screen.getByRole('textbox', { name: '搜索' }), '周');
    await waitFor(() => expect(backend.inputsOf('leads.list').at(-1)).toMatchObject({ q: '周', page: 1 }));
    // 周 is every eighth lead: 15 of them, all on page 1.
    await waitFor(() => expect(shownCodes()).toHaveLength(15));
    screen.getByText('共 15 条');
  });

  it('lets the user choose the columns shown, keeps the first, and remembers the choice for the next visit', async () => {
    leadsBackend([aLead(1), aLead(2)]);
    const first = await render(<LeadsTable />);
    await screen.findByTestId('data-table');
    await first.user.click(screen.getByTestId('column-chooser'));
    const choice = (key: string) => document.querySelector<HTMLInputElement>(`input[data-column="${key}"]`)!;
    // The code says what a row is: it cannot be hidden.
    expect(choice('code').disabled).toBe(true);
    await first.user.click(choice('status'));
    await waitFor(() => expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['编号', '姓名']));
    first.unmount();

    leadsBackend([aLead(1)]);
    await render(<LeadsTable />);
    await screen.findByTestId('data-table');
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['编号', '姓名']);
    localStorage.clear();
  });

  it('starts with the detail columns hidden on a narrow screen, and shows them all on a wide one', async () => {
    const narrowColumns: Column<LeadRow, 'code' | 'name' | 'status' | 'createdAt'>[] = [...columns.slice(0, 2), { key: 'status', header: '状态', render: (l) => l.status, optional: true }];
    const table = <DataTable method="leads.list" input={{}} columns={narrowColumns} rowKey={(l) => l.id} empty={null} tableId="narrow-test" />;
    const matchMedia = window.matchMedia;
    try {
      window.matchMedia = (query: string) => ({ ...matchMedia(query), matches: query.includes('max-width') });
      leadsBackend([aLead(1)]);
      const narrow = await render(table);
      await screen.findByTestId('data-table');
      expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['编号', '姓名']);
      narrow.unmount();
    } finally {
      window.matchMedia = matchMedia;
    }
    leadsBackend([aLead(1)]);
    await render(table);
    await screen.findByTestId('data-table');
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['编号', '姓名', '状态']);
  });

  it('shows how far an export has got on its button, and stops it on request', async () => {
    let refuse: (error: unknown) => void = () => undefined;
    const backend = fakeBackend({
      'leads.list': () => ({ rows: [aLead(1)], total: 1, totalIsExact: true }),
      'exports.leads': () => new Promise((_resolve, reject) => (refuse = reject)),
      'jobs.cancel': () => {
        refuse(refusal('CANCELLED'));
        return { cancelled: true };
      },
    });
    const exported: string[] = [];
    const exportLeads = async (jobId: string) => {
      exported.push(jobId);
      await api.exports.leads({ format: 'xlsx', language: 'zh-CN', jobId });
    };
    const { user } = await render(
      <DataTable method="leads.list" input={{}} columns={columns} rowKey={(l) => l.id} empty={null} onExport={exportLeads} />,
    );
    await user.click(await screen.findByTestId('table-export'));
    expect(screen.getByTestId('table-export').textContent).toBe(zhCN.common.exporting);
    backend.emit({ kind: 'progress', jobId: exported[0]!, done: 35_000, total: 100_000, message: 'writing' });
    await waitFor(() => expect(screen.getByTestId('table-export').textContent).toBe('正在导出 35%'));

    await user.click(screen.getByTestId('table-export-stop'));
    expect(backend.inputsOf('jobs.cancel')).toEqual([{ jobId: exported[0] }]);
    expect(await screen.findByText(zhCN.common.exportStopped)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('table-export').textContent).toBe(zhCN.common.exportExcel));
    expect(screen.queryByTestId('table-export-stop')).toBeNull();
  });
});
