import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPEN_STAGES, OPPORTUNITY_STAGES, type OpportunityCard } from '../../../../src-main/domain/leads/leads.dto';
import { fakeBackend } from '../../../test-utils/fake-backend';
import { render } from '../../../test-utils/render';
import { OpportunityBoardTab } from './OpportunityBoardTab';

const uuid = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;

const card = (n: number): OpportunityCard => ({
  id: uuid(100 + n),
  title: `商机 ${n}`,
  stage: 'proposal',
  customerId: uuid(1),
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
});

let downloads: string[] = [];
beforeEach(() => {
  downloads = [];
  URL.createObjectURL = vi.fn(() => 'blob:deals');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => vi.restoreAllMocks());

describe('the deals board', () => {
  it('exports every deal it shows, as filtered: open ones and those closed since its date, or only the overdue open ones', async () => {
    const backend = fakeBackend({
      'leads.opportunityBoard': () => ({
        // A column shows its first cards; the file has them all.
        columns: OPPORTUNITY_STAGES.map((stage) => ({ stage, count: stage === 'proposal' ? 60 : 0, amount: 0, weightedAmount: 0, cards: stage === 'proposal' ? [card(1)] : [] })),
        closedSince: '2026-09-02',
        cardLimit: 50,
      }),
      'exports.opportunities': () => ({ fileName: '商机-2026-12-01.xlsx', content: new TextEncoder().encode('PK xlsx'), rows: 60 }),
    });
    const { user } = await render(<OpportunityBoardTab />, { permissions: ['leads.read', 'leads.write'] });
    await screen.findByTestId('opportunity-board');

    await user.click(screen.getByTestId('table-export'));
    await waitFor(() => expect(downloads).toEqual(['商机-2026-12-01.xlsx']));
    expect(backend.inputsOf('exports.opportunities')[0]).toMatchObject({ filters: { closedSince: '2026-09-02' }, format: 'xlsx', language: 'zh-CN' });

    await user.click(screen.getByTestId('board-overdue-only'));
    await user.click(screen.getByTestId('table-export'));
    await waitFor(() => expect(backend.inputsOf('exports.opportunities')).toHaveLength(2));
    const overdue = backend.inputsOf('exports.opportunities')[1]!;
    expect(overdue.filters).toEqual({ closeBefore: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), stage: [...OPEN_STAGES] });
  });
});
