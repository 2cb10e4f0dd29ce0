import { QueryClient, useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../src-main/api/contract';
import i18n from '../i18n';
import { api, ApiCallError, call, onApiEvent, signalSignedOut } from './client';
import { describeIssue, issuesByPath } from './issues';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } },
});

/** `['customers', 'customers.get', { id }]`: the area first, so a `data.changed` for the area reaches every query of it. */
export type ApiQueryKey<M extends MethodName> = readonly [area: string, method: M, input: InputOf<M>];

export function apiQueryKey<M extends MethodName>(method: M, input: InputOf<M>): ApiQueryKey<M> {
  return [method.slice(0, method.indexOf('.')), method, input];
}

/**
 * Backend events for the signed-in window: a `data.changed` event makes every cached query of the
 * changed areas stale; `session.ended` goes back to the sign-in screen.
 */
export function startCacheInvalidation(client: QueryClient = queryClient): () => void {
  return onApiEvent((event) => {
    if (event.kind === 'session.ended') return signalSignedOut();
    if (event.kind !== 'data.changed') return;
    for (const area of event.areas) void client.invalidateQueries({ queryKey: [area] });
    // The workbench sums every area's rows: a follow-up logged or an invoice paid changes its figures.
    void client.invalidateQueries({ queryKey: ['workbench'] });
  });
}

type ApiQueryOptions<M extends MethodName, Selected> = Omit<UseQueryOptions<OutputOf<M>, Error, Selected, ApiQueryKey<M>>, 'queryKey' | 'queryFn'>;

/** The one way a screen reads: `useApiQuery('customers.get', { id })`, keyed by the method and its input. */
export function useApiQuery<M extends MethodName, Selected = OutputOf<M>>(method: M, input: InputOf<M>, options: ApiQueryOptions<M, Selected> = {}) {
  return useQuery({ ...options, queryKey: apiQueryKey(method, input), queryFn: () => call(method, input) });
}

type ApiMutationOptions<M extends MethodName> = Omit<UseMutationOptions<OutputOf<M>, Error, InputOf<M>>, 'mutationFn'>;

/**
 * One method as a mutation. A refusal is shown as a notification unless the caller passes its own
 * `onError`. The cache refreshes through the `data.changed` event the backend sends after a write.
 */
export function useApiMutation<M extends MethodName>(method: M, options: ApiMutationOptions<M> = {}) {
  return useMutation({ onError: (error) => notifyError(error), ...options, mutationFn: (input: InputOf<M>) => call(method, input) });
}

/** The text to show a person for a failed call, in the UI language, worded from codes only. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) {
    if (error.code === 'INTERNAL' && error.message === 'network') return i18n.t('errors.network');
    // The reference finds the error's lines in the log file when the owner asks for help.
    if (error.code === 'INTERNAL' && error.details.reference) return `${i18n.t('errors.INTERNAL')} · ${i18n.t('errors.reference', { reference: error.details.reference })}`;
    // A closed month is named with the first open one: the whole answer, nothing to add.
    if (error.code === 'PERIOD_LOCKED' && error.issues.length > 0) return describeIssue(error.issues[0]!);
    // A refused input says which field and why; a refused write says what the disk did.
    if ((error.code === 'VALIDATION' || error.code === 'CONFLICT' || error.code === 'STORAGE') && error.issues.length > 0) {
      return `${i18n.t('common.labelColon', { label: i18n.t(`errors.${error.code}`) })}${describeIssue(error.issues[0]!)}`;
    }
    return i18n.t(`errors.${error.code}`);
  }
  return i18n.t('errors.INTERNAL');
}

export function notifyError(error: unknown): void {
  // A posting into a closed month is the books working as intended, not a failure: said calmly, with the way on.
  if (error instanceof ApiCallError && error.code === 'PERIOD_LOCKED') {
    notifications.show({ color: 'yellow', title: i18n.t('errors.PERIOD_LOCKED'), message: errorMessage(error) });
    return;
  }
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
  return useApiQuery('auth.status', {});
}

export function useSettings() {
  return useApiQuery('settings.get', {});
}

/** What a long call last reported of itself: `message` names its stage where it has several. */
export interface JobProgress {
  done: number;
  total: number;
  message?: string;
}

/** randomUUID exists only in secure contexts: the browser mode opened by the machine's LAN address is not one. */
function newJobId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `job-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * A long call (an import, an export, a backup) run under a job id of its own: `start()` gives the id
 * to send with the call, `progress` is its last report (null before the first), `share` the same in
 * percent, `cancel()` asks the server to stop it, `finish()` once the call has answered.
 */
export function useJob() {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    if (!jobId) return;
    return onApiEvent((event) => {
      if (event.kind === 'progress' && event.jobId === jobId) setProgress({ done: event.done, total: event.total, ...(event.message ? { message: event.message } : {}) });
    });
  }, [jobId]);
  return {
    jobId,
    running: jobId !== null,
    progress,
    share: progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null,
    start(): string {
      const id = newJobId();
      setProgress(null);
      setJobId(id);
      return id;
    },
    finish(): void {
      setJobId(null);
      setProgress(null);
    },
    cancel(): void {
      if (jobId) void api.jobs.cancel({ jobId });
    },
  };
}
