import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { Route, Routes } from 'react-router-dom';
import { onSignedOut } from './api/client';
import { queryClient, startCacheInvalidation, useAuthStatus } from './api/hooks';
import { CurrentUserProvider } from './features/auth/current-user';
import { LoginPage } from './features/auth/Login.page';
import { SetupWizardPage } from './features/auth/SetupWizard.page';
import { AppLayout } from './features/shell/AppLayout';
import { LoadFailed } from './components/LoadFailed';
import { PrintPage } from './print/Print.page';

/** First run → setup wizard; no session → sign-in; otherwise the app. */
export function App() {
  const status = useAuthStatus();
  const user = status.data?.user ?? null;

  useEffect(() => onSignedOut(() => void queryClient.resetQueries()), []);
  useEffect(() => (user ? startCacheInvalidation() : undefined), [user]);

  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.isError) return <LoadFailed error={status.error} onRetry={() => void status.refetch()} />;
  if (status.data.setupRequired) return <SetupWizardPage />;
  if (!user) return <LoginPage companyName={status.data.companyName} />;
  return (
    <CurrentUserProvider user={user} permissions={status.data.permissions}>
      <Routes>
        {/* The sheet alone, without the app's frame: what the browser and Electron print is just the paper. */}
        <Route path="/print/:kind/:ref" element={<PrintPage />} />
        <Route path="*" element={<AppLayout />} />
      </Routes>
    </CurrentUserProvider>
  );
}
