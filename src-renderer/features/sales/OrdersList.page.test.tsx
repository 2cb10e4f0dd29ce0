import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OrderListFilters } from '../../../src-main/domain/orders/orders.contract';
import type { SavedView } from '../../../src-main/domain/customers/customers.dto';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { OrdersListPage } from './OrdersList.page';

const EMPTY_PAGE = { rows: [], total: 0, totalIsExact: true, next: null };
const LATE: OrderListFilters = { status: ['confirmed', 'partly_delivered'], promisedBefore: '2026-11-30' };

function backend(views: SavedView[] = []) {
  return fakeBackend({
    'orders.list': () => EMPTY_PAGE,
    'users.options': () => [],
    'customers.listViews': () => views,
    'customers.saveView': (input) => ({ id: 'v1', area: input.area ?? 'customers', name: input.name, query: input.query, updatedAt: '' }),
  });
}

describe('the sales orders list (销售订单)', () => {
  it('opens filtered as a workbench figure links to it, shows the promised-date filter and lets it be cleared', async () => {
    const api = backend();
    const { user, router } = await render(<OrdersListPage />, { path: '/orders', url: `/orders?f=${encodeURIComponent(JSON.stringify(LATE))}` });

    await waitFor(() => expect(api.inputsOf('orders.list').at(-1)?.filters).toEqual(LATE));
    const chip = screen.getByTestId('orders-promised-before');
    expect(chip.textContent).toContain('承诺交期早于 2026-11-30');
    // The status filter shows what the link chose.
    expect([...document.querySelectorAll('.mantine-Pill-label')].map((p) => p.textContent)).toEqual(['已确认', '部分发货']);

    await user.click(chip);
    await waitFor(() => expect(api.inputsOf('orders.list').at(-1)?.filters).toEqual({ status: ['confirmed', 'partly_delivered'] }));
    expect(JSON.parse(new URLSearchParams(router.state.location.search).get('f')!)).toEqual({ status: ['confirmed', 'partly_delivered'] });

    await user.click(screen.getByTestId('orders-clear-filters'));
    await waitFor(() => expect(api.inputsOf('orders.list').at(-1)?.filters).toEqual({}));
    expect(router.state.location.search).toBe('');
  });

  it('saves the search and filters as a view of the orders list, and reopens a saved view', async () => {
    const saved: SavedView = { id: 'v0', area: 'orders', name: '本月待审批', query: { q: '', filters: { status: ['pending_approval'], from: '2026-11-01' } }, updatedAt: '' };
    const api = backend([saved]);
    const { user } = await render(<OrdersListPage />, { path: '/orders', url: '/orders' });
    await waitFor(() => expect(api.inputsOf('orders.list')).toHaveLength(1));

    await user.click(screen.getByTestId('saved-views'));
    await user.click(await screen.findByText('本月待审批'));
    await waitFor(() => expect(api.inputsOf('orders.list').at(-1)?.filters).toEqual({ status: ['pending_approval'], from: '2026-11-01' }));
    expect(api.inputsOf('customers.listViews')[0]).toEqual({ area: 'orders' });

    await user.click(screen.getByTestId('saved-views'));
    await user.click(await screen.findByText('保存当前视图'));
    await user.type(screen.getByRole('textbox', { name: '视图名称' }), '我的视图');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.inputsOf('customers.saveView')).toHaveLength(1));
    expect(api.inputsOf('customers.saveView')[0]).toEqual({ area: 'orders', name: '我的视图', query: { q: '', filters: { status: ['pending_approval'], from: '2026-11-01' } } });
  });
});
