import type { ApiError } from './errors';

/** Errors cross every transport as data: Electron keeps only `message` from a thrown error. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * An answer that is a file: its bytes as they are, beside what the call says about them. Never
 * base64 inside JSON: a month's vouchers are 33 MB, which base64 and JSON made 45 MB of text to
 * encode, send and decode again in the window. IPC and threads carry the bytes as they are; HTTP
 * sends them as the body (FILE_ANSWER_TYPE) with the rest of the answer in FILE_ANSWER_HEADER.
 */
export interface FileAnswer {
  fileName: string;
  content: Uint8Array;
}

export function isFileAnswer(data: unknown): data is FileAnswer {
  return typeof data === 'object' && data !== null && (data as { content?: unknown }).content instanceof Uint8Array && typeof (data as { fileName?: unknown }).fileName === 'string';
}

export const FILE_ANSWER_TYPE = 'application/vnd.desk-erp.file';
/** The answer but its bytes, as JSON, URI-encoded (a header is ASCII; file names are Chinese). */
export const FILE_ANSWER_HEADER = 'x-desk-answer';

/** A call's answer as an HTTP response carries it: the JSON envelope, or a file answer's bytes and header. */
export async function resultOfResponse(response: Response): Promise<Result<unknown>> {
  if (response.headers.get('Content-Type') !== FILE_ANSWER_TYPE) return (await response.json()) as Result<unknown>;
  const rest = JSON.parse(decodeURIComponent(response.headers.get(FILE_ANSWER_HEADER) ?? '%7B%7D')) as object;
  return { ok: true, data: { ...rest, content: new Uint8Array(await response.arrayBuffer()) } };
}

/** Events pushed from the backend to every connected UI. */
export type ApiEvent =
  | { kind: 'progress'; jobId: string; done: number; total: number; message?: string }
  | { kind: 'data.changed'; areas: string[] }
  /** The receiving session has ended (its user was disabled, demoted or re-passworded, or it expired). */
  | { kind: 'session.ended'; reason: 'expired' | 'revoked' };
