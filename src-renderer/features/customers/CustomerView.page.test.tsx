import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import zhCN from '../../i18n/zh-CN';
import { fakeBackend, refusal } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { CustomerViewPage } from './CustomerView.page';
import customersZhCN from './messages.zh-CN';

const ID = '0190a0b0-0000-7000-8000-0000000000c9';

describe('the 360° view of a customer that is not there', () => {
  it('says so and leads back to the list instead of offering a retry that cannot find it', async () => {
    // Another salesperson's customer answers NOT_FOUND, as a deleted one does.
    const backend = fakeBackend({
      'customers.view': () => {
        throw refusal('NOT_FOUND');
      },
    });
    const view = await render(<CustomerViewPage />, { path: '/customers/:id', url: `/customers/${ID}` });
    await screen.findByText(zhCN.errors.NOT_FOUND);
    expect(screen.queryByRole('button', { name: zhCN.common.retry })).toBeNull();
    expect(backend.inputsOf('customers.view')).toHaveLength(1);
    await view.user.click(screen.getByRole('link', { name: customersZhCN.view.back }));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/customers');
  });

  it('keeps the retry when the view failed for another reason', async () => {
    let calls = 0;
    fakeBackend({
      'customers.view': () => {
        calls += 1;
        throw refusal('INTERNAL');
      },
    });
    const view = await render(<CustomerViewPage />, { path: '/customers/:id', url: `/customers/${ID}` });
    await view.user.click(await screen.findByRole('button', { name: zhCN.common.retry }));
    await expect.poll(() => calls).toBe(2);
    expect(screen.queryByRole('link', { name: customersZhCN.view.back })).toBeNull();
  });
});
