import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import zhCN from '../../i18n/zh-CN';
import { NAV_ENTRIES } from '../../nav-entries';
import { OWNER, render } from '../../test-utils/render';
import { ComingSoonPage } from '../placeholder/ComingSoon.page';
import { AppNav, menuEntries } from './AppNav';

const everything = () => true;
const keys = (entries: { key: string }[]) => entries.map((e) => e.key);

describe('the menu', () => {
  afterEach(() => localStorage.clear());

  it('shows a role only the areas its permissions reach, and only its own areas still to come', () => {
    const warehouse = keys(menuEntries('warehouse', (p) => ['catalog.read', 'stock.read', 'purchasing.read', 'deliveries.read', 'tasks.read'].includes(p)));
    expect(warehouse).toEqual(expect.arrayContaining(['dashboard', 'catalog', 'stock', 'purchasing', 'deliveries', 'tasks']));
    for (const hidden of ['customers', 'orders', 'users', 'backup', 'vouchers', 'analytics', 'sync']) expect(warehouse).not.toContain(hidden);

    // Areas still to come follow the role: an accountant is told about reports, not service tickets.
    const accountant = keys(menuEntries('accountant', () => false));
    expect(accountant).toContain('reports');
    expect(accountant).not.toContain('tickets');

    expect(keys(menuEntries('owner', everything))).toEqual(NAV_ENTRIES.map((e) => e.key));
  });

  it('lists the areas still to come in their own small group, which folds away and stays folded', async () => {
    const entries = menuEntries('owner', everything);
    const live = entries.filter((e) => !e.comingSoon);
    const comingSoon = entries.filter((e) => e.comingSoon);
    expect(comingSoon.length).toBeGreaterThan(0);

    const first = await render(<AppNav entries={entries} onNavigate={() => undefined} />);
    const group = screen.getByTestId('nav-coming-soon');
    expect(within(group).getByText(zhCN.comingSoon.group)).toBeTruthy();
    for (const entry of comingSoon) expect(group.querySelector(`[data-nav="${entry.key}"]`)).not.toBeNull();
    // Areas that exist are not in it.
    for (const entry of live) expect(group.querySelector(`[data-nav="${entry.key}"]`)).toBeNull();

    await first.user.click(screen.getByTestId('nav-coming-soon-toggle'));
    expect(group.querySelectorAll('[data-nav]')).toHaveLength(0);
    expect(screen.getByTestId('nav-coming-soon-toggle').textContent).toBe(zhCN.comingSoon.show.replace('{{count}}', String(comingSoon.length)));
    first.unmount();

    // The next time this user opens the app, the group is still folded.
    await render(<AppNav entries={entries} onNavigate={() => undefined} />, { user: OWNER });
    expect(screen.getByTestId('nav-coming-soon').querySelectorAll('[data-nav]')).toHaveLength(0);
  });

  it('says on each placeholder what that area will do, not what another will', async () => {
    await render(<ComingSoonPage area="sync" />);
    expect(screen.getByText(zhCN.comingSoon.areas.sync)).toBeTruthy();
    expect(screen.queryByText(/订单|库存/)).toBeNull();
  });
});
