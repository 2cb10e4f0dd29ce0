import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { fakeBackend } from '../../../test-utils/fake-backend';
import { render } from '../../../test-utils/render';
import { WorkbenchCard } from './WorkbenchCard';

const followUp = (customersDue: number) => ({ key: 'followUp', figures: [{ key: 'due', count: customersDue, link: null }] });

async function renderInEnglish(customersDue: number, followUpDays: number) {
  fakeBackend({});
  await render(<WorkbenchCard card={followUp(customersDue)} followUpDays={followUpDays} />);
  await act(() => i18n.changeLanguage('en'));
}

describe('the follow-up card on the workbench, in English', () => {
  it('says a follow-up period of 1 day in the singular, however many customers are due', async () => {
    await renderInEnglish(12, 1);
    expect(screen.getByTestId('figure-followUp-due').textContent).toContain('No follow-up in 1 day');
    expect(screen.getByTestId('card-followUp').textContent).toContain('The 1 day is set in Settings');
  });

  it('says 7 days in the plural when one customer is due', async () => {
    await renderInEnglish(1, 7);
    expect(screen.getByTestId('figure-followUp-due').textContent).toContain('No follow-up in 7 days');
    expect(screen.getByTestId('card-followUp').textContent).toContain('The 7 days are set in Settings');
  });
});
