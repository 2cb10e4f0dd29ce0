import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomerOverview } from '../../../../src-main/domain/customers/customers.dto';
import { render } from '../../../test-utils/render';
import { OverviewStats } from './OverviewStats';

function anOverview(figures: Partial<CustomerOverview>): CustomerOverview {
  return {
    customerId: '0190a0b0-0000-7000-8000-0000000000c1',
    lifetimeRevenue: 1_280_000,
    orderCount: 4,
    averageOrderValue: 320_000,
    firstOrderDate: '2025-03-02',
    lastOrderDate: '2026-10-18',
    balanceDue: 0,
    overdue: 0,
    creditLimit: 500_000,
    creditUsed: 0,
    creditAvailable: 500_000,
    tier: null,
    lifecycleStage: 'active',
    lifecycleOverride: null,
    stageHistory: [],
    yearsOfCooperation: 1,
    ...figures,
  };
}

describe('the 360° header’s receivables figures', () => {
  it('shows what is owed in red with the overdue part beneath it', async () => {
    await render(<OverviewStats overview={anOverview({ balanceDue: 621_190, overdue: 401_190, creditUsed: 621_190, creditAvailable: -121_190 })} />);
    const owed = screen.getByTestId('overview-balance-due');
    expect(owed.textContent).toBe('应收余额' + '¥6,211.90' + '其中逾期 ¥4,011.90');
    expect(screen.getByText('¥6,211.90').style.color).not.toBe('');
  });

  it('names no overdue part when nothing is past due, and the ¥0.00 owed is a real figure', async () => {
    await render(<OverviewStats overview={anOverview({ balanceDue: 0, overdue: 0 })} />);
    expect(screen.getByTestId('overview-balance-due').textContent).toBe('应收余额' + '¥0.00');
  });

  it('shows no amount at all when no area supplies what is owed', async () => {
    await render(<OverviewStats overview={anOverview({ balanceDue: null, overdue: null, creditUsed: null, creditAvailable: null })} />);
    expect(screen.getByTestId('overview-balance-due').textContent).toBe('应收余额' + '暂无');
    expect(screen.queryByText(/¥0\.00/)).toBeNull();
  });
});
