import type { InputOf, MethodName, OutputOf } from '../../src-main/api/contract';
import type { ApiError, ErrorDetails, FieldIssue } from '../../src-main/api/errors';
import { resultOfResponse, type ApiEvent, type Result } from '../../src-main/api/result';

declare global {
  interface Window {
    /** Present only inside the desktop window (the preload exposes exactly these two). */
    erp?: {
      call(method: string, input: unknown): Promise<Result<unknown>>;
      on(listener: (event: ApiEvent) => void): () => void;
    };
  }
}

/** An error envelope as a thrown value, so TanStack Query and forms can use it. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly issues: FieldIssue[];
  readonly details: ErrorDetails;

  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.issues = error.issues ?? [];
    this.details = error.details ?? {};
  }
}

async function httpPost(path: string, contentType: string, body: BodyInit): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'Content-Type': contentType }, credentials: 'same-origin', body });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'network' } };
  }
  try {
    return await resultOfResponse(response);
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}` } };
  }
}

const unauthenticatedListeners = new Set<() => void>();

/** The layout listens here to go back to the sign-in screen when a session expires. */
export function onSignedOut(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function dataOf<T>(result: Result<unknown>, method: string): T {
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED' && method !== 'auth.login') unauthenticatedListeners.forEach((l) => l());
    throw new ApiCallError(result.error);
  }
  return result.data as T;
}

export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = window.erp ? await window.erp.call(method, input) : await httpPost(`/api/${method}`, 'application/json', JSON.stringify(input ?? {}));
  return dataOf<OutputOf<M>>(result, method);
}

/** Browser only: streams a file to the headless server, which keeps it for the caller; the call that uses it names the returned id. */
export async function uploadFile(file: Blob): Promise<string> {
  return dataOf<{ uploadId: string }>(await httpPost('/api/uploads', 'application/octet-stream', file), 'uploads').uploadId;
}

type AreaOf<M> = M extends `${infer A}.${string}` ? A : never;
type VerbOf<M, A extends string> = M extends `${A}.${infer V}` ? V : never;
type Area = AreaOf<MethodName>;

/** `api.customers.list({ q })`: typed from the contract, so a wrong name or input shape does not compile. */
type Call<M> = M extends MethodName ? (input: InputOf<M>) => Promise<OutputOf<M>> : never;

export type Api = {
  [A in Area]: { [V in VerbOf<MethodName, A>]: Call<`${A}.${V}`> };
};

export const api = new Proxy({} as Api, {
  get: (_target, area: string) =>
    new Proxy({}, { get: (_inner, verb: string) => (input: unknown) => call(`${area}.${verb}` as MethodName, input as never) }),
});

/** Backend events: progress of long jobs and `data.changed` for cache invalidation. */
export function onApiEvent(listener: (event: ApiEvent) => void): () => void {
  if (window.erp) return window.erp.on(listener);
  return onServerSentEvent(listener);
}

/** Back to the sign-in screen when the backend ends this window's session (rights changed, expired). */
export function signalSignedOut(): void {
  unauthenticatedListeners.forEach((l) => l());
}

function onServerSentEvent(listener: (event: ApiEvent) => void): () => void {
  let source: EventSource | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    source = new EventSource('/api/events');
    source.onmessage = (message) => listener(JSON.parse(message.data as string) as ApiEvent);
    source.onerror = () => {
      source?.close();
      if (!stopped) retry = setTimeout(connect, 3000);
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}
