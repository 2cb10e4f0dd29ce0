import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RunningBackend } from '../backend/backend';
import type { Session } from '../api/session';
import { MAX_JSON_BYTES, Refusal, sendResult, STATUS_FOR } from './replies';
import { SESSION_COOKIE, type SessionStore } from './sessions';

/** The caller as the cookie names them; resolved before the body is read. */
export interface Caller {
  token: string | undefined;
  session: Session;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** `application/json`, with at most a UTF-8 charset (RFC 8259 allows no other). */
const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*(?:utf-8|"utf-8")\s*)?$/i;
/** Per client address, on top of the per-account throttle inside `auth.login`. */
const SIGN_IN_ATTEMPTS_PER_MINUTE = 20;

const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'strict', path: '/' } as const;

export function callerOf(request: FastifyRequest, sessions: SessionStore): Caller {
  const token = request.cookies[SESSION_COOKIE];
  return { token, session: sessions.get(token) ?? { user: null } };
}

/** `POST /api/<method>`: JSON in (≤ 1 MB), the result envelope out; who may call is settled before the body is read. */
export function registerApiRoutes(app: FastifyInstance, backend: RunningBackend, sessions: SessionStore): void {
  app.decorateRequest('caller', null);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_JSON_BYTES }, (_request, body, done) => {
    if (body === '') return done(null, {});
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new Refusal(400, 'VALIDATION', 'The request body is not valid JSON'), undefined);
    }
  });

  /** Refuses, before the body is read, what could never succeed: wrong content type, unknown method, no session. */
  const admit = (method: string, request: FastifyRequest) => {
    if (!JSON_TYPE.test(request.headers['content-type'] ?? '')) throw new Refusal(415, 'VALIDATION', 'Send the input as application/json');
    const spec = Object.hasOwn(backend.registry.contract, method) ? backend.registry.contract[method] : null;
    if (!spec) throw new Refusal(404, 'NOT_FOUND', `Unknown method ${method}`);
    request.caller = callerOf(request, sessions);
    if (spec.permission !== 'public' && !request.caller.session.user) throw new Refusal(401, 'UNAUTHENTICATED', 'Please sign in first.');
  };

  const answer = async (method: string, request: FastifyRequest, reply: FastifyReply) => {
    const { token, session } = request.caller!;
    const wasSignedIn = session.user?.id ?? null;
    const result = await backend.call({ session, transport: 'http' }, method, request.body ?? {});
    const user = session.user;
    if (user && user.id !== wasSignedIn) {
      // Sign-in: always a fresh token, so a token planted before login is worthless.
      sessions.end(token);
      reply.setCookie(SESSION_COOKIE, sessions.issue({ user, ...(session.auth ? { auth: session.auth } : {}) }), COOKIE_OPTIONS);
    } else if (!user && wasSignedIn) {
      sessions.end(token);
      reply.setCookie(SESSION_COOKIE, '', { ...COOKIE_OPTIONS, maxAge: 0 });
    }
    return sendResult(reply, result.ok ? 200 : STATUS_FOR[result.error.code], result);
  };

  app.post('/api/auth.login', {
    onRequest: (request, _reply, done) => {
      admit('auth.login', request);
      done();
    },
    config: {
      rateLimit: {
        max: SIGN_IN_ATTEMPTS_PER_MINUTE,
        timeWindow: 60_000,
        errorResponseBuilder: () => new Refusal(429, 'RATE_LIMITED', 'Too many sign-in attempts; wait a minute and try again.'),
      },
    },
    handler: (request, reply) => answer('auth.login', request, reply),
  });
  app.post<{ Params: { method: string } }>('/api/:method', {
    onRequest: (request, _reply, done) => {
      admit(request.params.method, request);
      done();
    },
    handler: (request, reply) => answer(request.params.method, request, reply),
  });
  app.route({
    method: ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    url: '/api/*',
    handler: () => {
      throw new Refusal(405, 'VALIDATION', 'Use POST');
    },
  });
}
