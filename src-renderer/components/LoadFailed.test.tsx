import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../api/client';
import zhCN from '../i18n/zh-CN';
import { render } from '../test-utils/render';
import { LoadFailed } from './LoadFailed';

const missing = new ApiCallError({ code: 'NOT_FOUND', message: 'not found', issues: [], details: {} });

describe('a screen whose record did not load', () => {
  it('offers the way back for a record that is not there, and a retry for anything else', async () => {
    const retry = vi.fn();
    const { user, router } = await render(<LoadFailed error={missing} onRetry={retry} />, { path: '/statements/:id', url: '/statements/x' });
    expect(screen.getByText(zhCN.errors.NOT_FOUND)).toBeTruthy();
    expect(screen.queryByText(zhCN.common.retry)).toBeNull();
    await user.click(screen.getByTestId('load-failed-back'));
    expect(router.state.location.pathname).not.toBe('/statements/x');

    await render(<LoadFailed error={new Error('disk full')} onRetry={retry} />);
    await user.click(screen.getByText(zhCN.common.retry));
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
