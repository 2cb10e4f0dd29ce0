import { QueryClient, useQuery } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { api, ApiCallError, onApiEvent } from './client';
import { localizeIssue } from './issue-messages';

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
    // A refused input says which field and why, in the UI language; the rest read better as the code's own text.
    if ((error.code === 'VALIDATION' || error.code === 'CONFLICT') && error.issues.length > 0) {
      return `${i18n.t(`errors.${error.code}`)}：${localizeIssue(error.issues[0]!.message)}`;
    }
    if (error.code === 'CONFLICT') return localizeIssue(error.message);
    return i18n.t(`errors.${error.code}`);
  }
  return i18n.t('errors.INTERNAL');
}

export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', message: errorMessage(error) });
}

/** Field errors from an ApiCallError, keyed by path and worded in the UI language, for `form.setErrors`. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiCallError)) return {};
  return Object.fromEntries(error.issues.map((issue) => [issue.path, localizeIssue(issue.message)]));
}

/**
 * A failed save: the server's field errors beside their fields (paths renamed where the form knows
 * a field by another name), or a notification when no field is to blame.
 */
export function showFormError(form: { setErrors(errors: Record<string, string>): void }, error: unknown, formPath: (path: string) => string = (p) => p): void {
  const errors = Object.entries(fieldErrors(error));
  if (errors.length === 0) return notifyError(error);
  form.setErrors(Object.fromEntries(errors.map(([path, message]) => [formPath(path), message])));
}

export function useAuthStatus() {
  return useQuery({ queryKey: ['auth', 'status'], queryFn: () => api.auth.status({}) });
}

export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}) });
}
