import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Lead, OpportunityCard } from '../../../../src-main/domain/leads/leads.dto';
import { fakeBackend } from '../../../test-utils/fake-backend';
import { render } from '../../../test-utils/render';
import leadsZhCN from '../messages.zh-CN';
import { CustomerDeals } from './CustomerDeals';

const uuid = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const CUSTOMER = uuid(1);
const LEAD = uuid(2);

const deal = (n: number, over: Partial<OpportunityCard>): OpportunityCard => ({
  id: uuid(100 + n),
  title: `商机 ${n}`,
  stage: 'proposal',
  customerId: CUSTOMER,
  leadId: null,
  partyName: '苏州恒远五金有限公司',
  expectedAmount: 1_200_000,
  probability: 50,
  weightedAmount: 600_000,
  expectedCloseDate: null,
  ownerUserId: null,
  ownerName: '王销售',
  closedAt: null,
  lostReason: null,
  updatedAt: '2026-11-01T02:00:00.000Z',
  ...over,
});

const LEAD_RECORD = { id: LEAD, code: 'L000031', name: '陈经理', source: '展会', campaignName: '2026 春季糖酒会', opportunities: [], interactions: [] } as unknown as Lead;

describe('a customer’s deals on its 360° view', () => {
  it('lists its deals with stage and amount, marks an open deal past its close date, and names the lead and campaign it came from', async () => {
    const backend = fakeBackend({
      'leads.listOpportunities': () => ({
        rows: [deal(1, { title: '年度五金配送', expectedCloseDate: '2020-01-31' }), deal(2, { title: '仓库货架', stage: 'won', expectedCloseDate: '2020-02-01', closedAt: '2020-02-01T00:00:00.000Z' })],
        total: 2,
        totalIsExact: true,
      }),
      'leads.get': () => LEAD_RECORD,
    });
    await render(<CustomerDeals customerId={CUSTOMER} customerName="苏州恒远五金有限公司" leadId={LEAD} />);
    const table = await screen.findByTestId('customer-deals');
    const late = (await within(table).findByText('年度五金配送')).closest('tr')!;
    expect(within(late).getByText(leadsZhCN.stage.proposal)).toBeTruthy();
    expect(within(late).getByText('¥12,000.00')).toBeTruthy();
    expect(within(late).getByTitle(leadsZhCN.customer.overdue).textContent).toBe('2020-01-31');
    // A won deal is closed: its past date is not "overdue".
    const won = within(table).getByText('仓库货架').closest('tr')!;
    expect(within(won).queryByTitle(leadsZhCN.customer.overdue)).toBeNull();
    expect(screen.getByTestId('page-total').textContent).toBe('共 2 个商机');

    const origin = await screen.findByTestId('customer-origin');
    expect(origin.textContent).toContain('由线索 L000031 转化');
    expect(origin.textContent).toContain('渠道：展会');
    expect(origin.textContent).toContain('营销活动：2026 春季糖酒会');
    expect(backend.inputsOf('leads.listOpportunities')[0]).toMatchObject({ filters: { customerId: CUSTOMER } });
  });

  it('says how to start when the customer has no deals and came from no lead', async () => {
    fakeBackend({ 'leads.listOpportunities': () => ({ rows: [], total: 0, totalIsExact: true }) });
    await render(<CustomerDeals customerId={CUSTOMER} customerName="苏州恒远五金有限公司" leadId={null} />);
    await screen.findByText(leadsZhCN.customer.dealsEmptyTitle);
    expect(screen.queryByTestId('customer-origin')).toBeNull();
    // Only whoever may create deals is offered one.
    expect(screen.queryByTestId('customer-add-deal')).toBeNull();
  });

  it('creates the first deal for the customer from its empty deals tab, the customer given', async () => {
    const backend = fakeBackend({
      'leads.listOpportunities': () => ({ rows: [], total: 0, totalIsExact: true }),
      'leads.createOpportunity': (input) => ({ ...deal(9, { title: input.title }), customerId: CUSTOMER }) as never,
    });
    const { user } = await render(<CustomerDeals customerId={CUSTOMER} customerName="苏州恒远五金有限公司" leadId={null} />, { permissions: ['leads.read', 'leads.write'] });
    await user.click(await screen.findByTestId('customer-add-deal'));
    const form = await screen.findByTestId('opportunity-form');
    expect((within(form).getByDisplayValue('苏州恒远五金有限公司') as HTMLInputElement).readOnly).toBe(true);
    await user.type(within(form).getByLabelText(leadsZhCN.opportunity.title, { exact: false }), '门店货架更新');
    await user.click(screen.getByTestId('opportunity-save'));
    await waitFor(() => expect(backend.inputsOf('leads.createOpportunity')).toHaveLength(1));
    expect(backend.inputsOf('leads.createOpportunity')[0]).toMatchObject({ title: '门店货架更新', customerId: CUSTOMER, stage: 'contact' });
  });
});
