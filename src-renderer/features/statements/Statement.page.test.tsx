import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../../../src-main/domain/statements/statements.contract';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { StatementPage } from './Statement.page';

const SENT: Statement = {
  id: '0190a0b0-0000-7000-8000-0000000000d1',
  number: 'ST-2026-000001',
  status: 'sent',
  customerId: '0190a0b0-0000-7000-8000-0000000000c1',
  customerCode: 'C000001',
  customerName: '苏州恒通建材有限公司',
  periodFrom: '2026-03-01',
  periodTo: '2026-03-31',
  currency: 'CNY',
  openingBalance: 100_000,
  totalDebit: 1_234_567,
  totalCredit: 600_000,
  closingBalance: 734_567,
  ledgerClosingBalance: 735_567,
  lines: [
    { date: '2026-03-03', kind: 'invoice', reversal: false, number: 'INV-2026-000002', reference: null, debit: 1_234_567, credit: 0, balance: 1_334_567 },
    { date: '2026-03-20', kind: 'receipt', reversal: false, number: 'SK-2026-000001', reference: 'HX20260320-88', debit: 0, credit: 600_000, balance: 734_567 },
  ],
  sentOn: '2026-04-02',
  respondedOn: null,
  customerNote: null,
  createdAt: '2026-04-01T02:00:00.000Z',
  taskId: null,
};

describe('a statement of account', () => {
  it('shows the lines and the frozen figures, warns that the ledger moved, and records a dispute with the customer\'s words', async () => {
    const backend = fakeBackend({
      'statements.get': () => SENT,
      'statements.dispute': (input) => ({ ...SENT, status: 'disputed', respondedOn: '2026-04-05', customerNote: input.note }),
    });
    const { user } = await render(<StatementPage />, { path: '/statements/:id', url: `/statements/${SENT.id}`, permissions: ['statements.read', 'statements.write'] });
    const lines = await screen.findByTestId('statement-lines');
    const rows = within(lines).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '2026-03-01期初余额¥1,000.00',
      '2026-03-03销售发票INV-2026-000002¥12,345.67¥13,345.67',
      '2026-03-20收款SK-2026-000001HX20260320-88¥6,000.00¥7,345.67',
    ]);
    expect(screen.getByTestId('changed-since-sent').textContent).toContain('¥7,355.67');
    expect(screen.getByTestId('print-statement').getAttribute('href')).toBe(`/print/statement/${SENT.id}`);
    expect(screen.queryByTestId('mark-sent')).toBeNull();

    await user.click(screen.getByTestId('dispute-statement'));
    const save = await screen.findByTestId('save-answer');
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByTestId('statement-note'), '少算一笔退货');
    await user.click(save);
    await waitFor(() => expect(backend.inputsOf('statements.dispute')).toHaveLength(1));
    expect(backend.inputsOf('statements.dispute')[0]).toMatchObject({ id: SENT.id, note: '少算一笔退货' });
  });
});
