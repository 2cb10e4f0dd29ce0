import { QueryClient, useQuery } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { api, ApiCallError, onApiEvent, signalSignedOut } from './client';
import { describeIssue, issuesByPath } from './issues';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } },
});

/**
 * Backend events for the signed-in window: a `data.changed` event makes every cached query of the
 * changed areas stale; `session.ended` goes back to the sign-in screen.
 */
export function startCacheInvalidation(): () => void {
  return onApiEvent((event) => {
    if (event.kind === 'session.ended') return signalSignedOut();
    if (event.kind !== 'data.changed') return;
    for (const area of event.areas) void queryClient.invalidateQueries({ queryKey: [area] });
  });
}

/** The text to show a person for a failed call, in the UI language, worded from codes only. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) {
    if (error.code === 'INTERNAL' && error.message === 'network') return i18n.t('errors.network');
    // A refused input says which field and why.
    if ((error.code === 'VALIDATION' || error.code === 'CONFLICT') && error.issues.length > 0) {
      return `${i18n.t(`errors.${error.code}`)}：${describeIssue(error.issues[0]!)}`;
    }
    return i18n.t(`errors.${error.code}`);
  }
  return i18n.t('errors.INTERNAL');
}

export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', message: errorMessage(error) });
}

/** Field errors from an ApiCallError, keyed by path (the method's input path, which is the form's) and worded in the UI language. */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiCallError ? issuesByPath(error.issues) : {};
}

/** A failed save: the server's field errors beside their fields, or a notification when no field is to blame. */
export function showFormError(form: { setErrors(errors: Record<string, string>): void }, error: unknown): void {
  const errors = fieldErrors(error);
  if (Object.keys(errors).length === 0) return notifyError(error);
  form.setErrors(errors);
}

export function useAuthStatus() {
  return useQuery({ queryKey: ['auth', 'status'], queryFn: () => api.auth.status({}) });
}

export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}) });
}
