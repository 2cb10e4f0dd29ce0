import { QueryClient, useQuery } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { api, ApiCallError, onApiEvent } from './client';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } },
});

/** A `data.changed` event makes every cached query of the changed areas stale. */
export function startCacheInvalidation(): () => void {
  return onApiEvent((event) => {
    if (event.kind !== 'data.changed') return;
    for (const area of event.areas) void queryClient.invalidateQueries({ queryKey: [area] });
  });
}

/** The text to show a person for a failed call, in the UI language. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) {
    if (error.code === 'INTERNAL' && error.message === 'network') return i18n.t('errors.network');
    // VALIDATION and CONFLICT messages name the field and reason; the rest read better translated.
    if (error.code === 'VALIDATION' || error.code === 'CONFLICT' || error.code === 'RATE_LIMITED') return error.message;
    return i18n.t(`errors.${error.code}`);
  }
  return i18n.t('errors.INTERNAL');
}

export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', message: errorMessage(error) });
}

/** Field errors from an ApiCallError, keyed by path, for `form.setErrors`. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiCallError)) return {};
  return Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
}

export function useAuthStatus() {
  return useQuery({ queryKey: ['auth', 'status'], queryFn: () => api.auth.status({}) });
}

export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}) });
}
