import type { FastifyError, FastifyReply } from 'fastify';
import type { ErrorCode } from '../api/errors';
import { FILE_ANSWER_HEADER, FILE_ANSWER_TYPE, isFileAnswer, type Result } from '../api/result';
import { contentSecurityPolicy } from './content-security-policy';

/** Every response's policy but the page's, which also names its style nonce (renderer-files.ts). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export const STATUS_FOR: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CREDIT_LIMIT: 422,
  INSUFFICIENT_STOCK: 422,
  PERIOD_LOCKED: 422,
  CANCELLED: 409,
  STORAGE: 507,
  INTERNAL: 500,
};

export const MAX_JSON_BYTES = 1024 * 1024;

/** A request the server turns away itself, before (or instead of) dispatch; thrown from hooks and answered as the error envelope. */
export class Refusal extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export function sendResult(reply: FastifyReply, status: number, result: Result<unknown>): FastifyReply {
  if (result.ok && isFileAnswer(result.data)) {
    const { content, ...rest } = result.data;
    return reply
      .code(status)
      .header('Cache-Control', 'no-store')
      .header(FILE_ANSWER_HEADER, encodeURIComponent(JSON.stringify(rest)))
      .type(FILE_ANSWER_TYPE)
      .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
  }
  return reply.code(status).header('Cache-Control', 'no-store').send(result);
}

export function sendRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  // Fastify closes the connection after a body it would not parse; closing while the caller is still
  // sending resets the connection, and the caller may never see this answer. Kept open, Node discards
  // the rest of the body (never buffered), for as long as `startServer` allows.
  reply.removeHeader('connection');
  return sendResult(reply, refusal.statusCode, { ok: false, error: { code: refusal.code, message: refusal.message } });
}

/** What Fastify's own errors mean to a caller; null for an unexpected error (a 500 that gets logged). */
export function refusalFor(error: FastifyError | Refusal): Refusal | null {
  if (error instanceof Refusal) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Refusal(413, 'VALIDATION', `The request is larger than ${MAX_JSON_BYTES / 1024 / 1024} MB; files go to POST /api/uploads`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Refusal(415, 'VALIDATION', 'Send the input as application/json');
    case 'FST_ERR_BAD_URL':
      return new Refusal(400, 'VALIDATION', 'The address is not valid (bad percent-encoding)');
  }
  const status = error.statusCode ?? 500;
  if (status === 404) return new Refusal(404, 'NOT_FOUND', 'Not found');
  if (status === 403) return new Refusal(403, 'FORBIDDEN', 'Forbidden');
  return status >= 400 && status < 500 ? new Refusal(status, 'VALIDATION', error.message) : null;
}
