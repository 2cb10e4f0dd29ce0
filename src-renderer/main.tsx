import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/dates/styles.css';
import './features/shell/notifications.css';
import './i18n';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { queryClient } from './api/hooks';
import { App } from './App';
import { listenEscapeClosesTopDialogOnly } from './components/shortcut-targets';
import { theme } from './theme';

/**
 * A data router (hash URLs, as before) so that pages can use `useBlocker` (the customer form's
 * unsaved-changes guard). One splat route: the app's own <Routes> do the routing below it.
 */
const router = createHashRouter([{ path: '*', element: <App /> }]);

/** The style nonce this page load was served with (src-main/server/content-security-policy.ts); the CSP drops Mantine's <style> tags without it. */
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
// The scroll lock under Mantine's modals and spotlight (react-remove-scroll, via get-nonce) reads webpack's nonce global.
if (styleNonce) (window as Window & { __webpack_nonce__?: string }).__webpack_nonce__ = styleNonce;

listenEscapeClosesTopDialogOnly();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" getStyleNonce={styleNonce ? () => styleNonce : undefined}>
      <Notifications position="top-center" containerWidth={380} classNames={{ root: 'app-notifications' }} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
