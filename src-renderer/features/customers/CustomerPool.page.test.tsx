import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomerListRow } from '../../../src-main/domain/customers/customers.dto';
import { setDisplayTimeZone } from '../../format';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { CustomerPoolPage } from './CustomerPool.page';

function aPoolCustomer(n: number, createdAt: string): CustomerListRow {
  return {
    id: `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    code: `C${String(n).padStart(6, '0')}`,
    name: `南京博雅贸易${n}号`,
    shortName: null,
    kind: 'company',
    status: 'active',
    ownerUserId: null,
    ownerName: null,
    tags: [],
    primaryContact: null,
    province: '江苏',
    city: '南京',
    industry: null,
    lifecycleStage: 'prospect',
    tier: null,
    creditLimit: null,
    balanceDue: 0,
    lifetimeRevenue: 0,
    lastOrderDate: null,
    createdAt,
  };
}

describe('the customer pool', () => {
  it('counts its customers in 家 and dates them by the company’s day', async () => {
    setDisplayTimeZone('Asia/Shanghai');
    fakeBackend({
      'customers.scopeSettings': () => ({ roleScopes: { manager: 'all', sales: 'own', warehouse: 'all', service: 'all', accountant: 'all' }, poolAfterDays: 30, claimsPerDay: 5, claimedToday: 2 }),
      // 00:30 in Shanghai on 29 November is still the 28th in UTC.
      'customers.pool': () => ({ rows: [aPoolCustomer(1, '2026-11-28T16:30:00.000Z'), aPoolCustomer(2, '2026-11-28T15:59:00.000Z')], total: 2, totalIsExact: true }),
    });
    await render(<CustomerPoolPage />);
    const table = await screen.findByTestId('data-table');
    const createdOn = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[4]!.textContent);
    expect(createdOn).toEqual(['2026-11-29', '2026-11-28']);
    expect(screen.getByTestId('page-total').textContent).toBe('共 2 家客户');
    expect(screen.getByTestId('pool-rule').textContent).toContain('每人每天最多领取 5 家，今天已领取 2 家');
    // A salesperson claims from the pool but does not take it away as a file.
    expect(screen.queryByTestId('table-export')).toBeNull();
  });

  it('offers the whole pool as an Excel file to whoever manages it', async () => {
    fakeBackend({
      'customers.scopeSettings': () => ({ roleScopes: { manager: 'all', sales: 'own', warehouse: 'all', service: 'all', accountant: 'all' }, poolAfterDays: 30, claimsPerDay: 5, claimedToday: 0 }),
      'customers.pool': () => ({ rows: [aPoolCustomer(1, '2026-11-28T16:30:00.000Z')], total: 1, totalIsExact: true }),
    });
    await render(<CustomerPoolPage />, { permissions: ['customers.claim', 'customers.export', 'customers.managePool'] });
    await screen.findByTestId('data-table');
    expect(screen.getByTestId('table-export')).toBeTruthy();
  });
});
