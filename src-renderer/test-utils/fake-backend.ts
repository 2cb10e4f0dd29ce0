import type { InputOf, MethodName, OutputOf } from '../../src-main/api/contract';
import type { ApiError, FieldIssue } from '../../src-main/api/errors';
import type { ApiEvent, Result } from '../../src-main/api/result';
import { ApiCallError } from '../api/client';

type Handlers = { [M in MethodName]?: (input: InputOf<M>) => OutputOf<M> | Promise<OutputOf<M>> };

/** A refusal as the backend sends it (`{ ok: false, error }`); throw it from a handler. */
export function refusal(code: ApiError['code'], issues: Pick<FieldIssue, 'path' | 'code' | 'params'>[] = [], details: ApiError['details'] = {}): ApiCallError {
  return new ApiCallError({ code, message: `refused: ${code}`, issues: issues.map((issue) => ({ ...issue, message: issue.code })), details });
}

/**
 * The backend behind `window.erp`, the desktop bridge the API client uses when it exists: the
 * screens under test call it exactly as they call the real one, and errors cross as envelopes.
 * A method without a handler fails the call, so a test sees what a screen asked for.
 */
export function fakeBackend(handlers: Handlers) {
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Set<(event: ApiEvent) => void>();
  window.erp = {
    call: async (method: string, input: unknown): Promise<Result<unknown>> => {
      calls.push({ method, input });
      const handler = handlers[method as MethodName] as ((input: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `The fake backend has no ${method}` } };
      try {
        return { ok: true, data: await handler(input) };
      } catch (error) {
        if (!(error instanceof ApiCallError)) throw error;
        return { ok: false, error: { code: error.code, message: error.message, issues: error.issues, details: error.details } };
      }
    },
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    /** The inputs of every call of one method, in order. */
    inputsOf: <M extends MethodName>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as InputOf<M>),
    methods: () => calls.map((c) => c.method),
    /** Pushes an event to the screens, as the backend does after a write. */
    emit: (event: ApiEvent) => listeners.forEach((listener) => listener(event)),
  };
}
