import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render as renderInDom } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router-dom';
import type { SessionUser } from '../../src-main/api/session';
import { CurrentUserProvider } from '../features/auth/current-user';
import i18n from '../i18n';
import { theme } from '../theme';

export const OWNER: SessionUser = { id: '0190a0b0-0000-7000-8000-000000000001', username: 'boss', displayName: '周老板', role: 'owner', locale: null };

/** Where a navigation away from the screen under test lands; it shows the path it reached. */
function Elsewhere() {
  return <div data-testid="elsewhere">{useLocation().pathname}</div>;
}

interface RenderOptions {
  /** The route pattern the screen sits on (`/customers/:id/edit`) and the URL opened. */
  path?: string;
  url?: string;
  user?: SessionUser;
  /** What `useCan` answers yes to. */
  permissions?: string[];
}

/**
 * Renders a screen as the app does: Mantine with the app's theme and notifications (no transitions
 * or portals, so what opens is there at once), the zh-CN
 * catalogs, a fresh QueryClient, a signed-in user, and a data router (the unsaved-edits guard
 * needs one) in memory. Talk to it through `fakeBackend`.
 */
export async function render(screen: ReactElement, { path = '/', url = path, user = OWNER, permissions = [] }: RenderOptions = {}) {
  await i18n.changeLanguage('zh-CN');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path, element: screen },
      { path: '*', element: <Elsewhere /> },
    ],
    { initialEntries: [url] },
  );
  const result = renderInDom(
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <CurrentUserProvider user={user} permissions={permissions}>
          <RouterProvider router={router} />
        </CurrentUserProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, router, queryClient, user: userEvent.setup({ delay: null }) };
}
