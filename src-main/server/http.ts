import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import type { RunningBackend } from '../backend/backend';
import { importUploads } from '../domain/imports/imports.uploads';
import { registerApiRoutes } from './api-routes';
import { registerEventStream } from './event-stream';
import { registerRendererFiles } from './renderer-files';
import { MAX_JSON_BYTES, Refusal, refusalFor, SECURITY_HEADERS, sendRefusal } from './replies';
import { SessionStore } from './sessions';
import { registerUploadRoute } from './upload-route';

export { CONTENT_SECURITY_POLICY } from './replies';
export { SESSION_COOKIE } from './sessions';

export interface ServerOptions {
  backend: RunningBackend;
  rendererDir: string;
  port: number;
  /** How long the rest of a refused request's body may keep arriving (discarded) before the connection is closed. */
  refusedBodyGraceMs?: number;
}

/** Long enough for any caller to read the refusal while it is still sending; an endless body cannot hold the connection. */
const REFUSED_BODY_GRACE_MS = 10_000;

export interface RunningServer {
  url: string;
  port: number;
  /** The browser sessions, e.g. to end every session of a user whose rights changed. */
  sessions: SessionStore;
  close(): Promise<void>;
}

/** The headless server: 127.0.0.1 only, the built renderer plus `POST /api/<method>`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const sessions = new SessionStore();
  let port = options.port;
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_JSON_BYTES,
    // A slow sender cannot hold a connection open forever (Node's own default; Fastify turns it off).
    requestTimeout: 300_000,
    forceCloseConnections: true,
    frameworkErrors: (error, _request, reply) => {
      reply.headers(SECURITY_HEADERS);
      refuse(reply, refusalFor(error) ?? new Refusal(400, 'VALIDATION', 'Bad request'));
    },
  });

  /** A refused request may still be sending its body: it is discarded for a grace period, then the connection closes. */
  function refuse(reply: FastifyReply, refusal: Refusal): FastifyReply {
    const incoming = reply.request.raw;
    if (!incoming.complete) setTimeout(() => incoming.complete || incoming.socket.destroy(), options.refusedBodyGraceMs ?? REFUSED_BODY_GRACE_MS).unref();
    return sendRefusal(reply, refusal);
  }

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const refusal = refusalFor(error);
    if (refusal) return refuse(reply, refusal);
    options.backend.logError(`http ${request.method} ${request.url}`, error);
    return refuse(reply, new Refusal(500, 'INTERNAL', 'Internal error'));
  });

  const allowedHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const allowedOrigin = (origin: string | undefined) => origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    // A foreign Host means DNS rebinding; a foreign Origin means another site's page is calling us.
    if (!allowedHost(request.headers.host)) throw new Refusal(403, 'FORBIDDEN', 'Forbidden host');
    if (!allowedOrigin(request.headers.origin) || request.headers['sec-fetch-site'] === 'cross-site') throw new Refusal(403, 'FORBIDDEN', 'Forbidden origin');
    done();
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  registerApiRoutes(app, options.backend, sessions);
  await registerUploadRoute(app, options.backend, sessions);
  const stopEvents = registerEventStream(app, options.backend, sessions);
  const stopRevocations = options.backend.onSessionsRevoked((userId, except) => sessions.endForUser(userId, except));
  await registerRendererFiles(app, options.rendererDir);

  await app.listen({ port: options.port, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    sessions,
    close: async () => {
      stopEvents();
      stopRevocations();
      sessions.endAll();
      await app.close();
      importUploads.removeAll();
    },
  };
}
