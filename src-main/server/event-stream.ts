import type { FastifyInstance } from 'fastify';
import type { RunningBackend } from '../backend/backend';
import type { ApiEvent } from '../api/result';
import type { Session } from '../api/session';
import { callerOf } from './api-routes';
import { Refusal, SECURITY_HEADERS } from './replies';
import type { SessionStore } from './sessions';

/**
 * `GET /api/events`: backend events as server-sent events, for a signed-in session only; the stream
 * closes when its session ends (sign-out, expiry, `sessions.endForUser`). Returns a function that stops
 * relaying events.
 */
export function registerEventStream(app: FastifyInstance, backend: RunningBackend, sessions: SessionStore): () => void {
  const streams = new Set<{ write(chunk: string): unknown; session: Session }>();
  const unsubscribe = backend.onEvent((event: ApiEvent) => {
    const message = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) if (stream.session.user) stream.write(message);
  });

  app.get('/api/events', (request, reply) => {
    const { token, session } = callerOf(request, sessions);
    if (!token || !session.user) throw new Refusal(401, 'UNAUTHENTICATED', 'Please sign in first.');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const stream = { write: (chunk: string) => res.write(chunk), session };
    streams.add(stream);
    const forgetHook = sessions.onEnd(token, () => res.end());
    res.on('close', () => {
      streams.delete(stream);
      forgetHook();
    });
  });
  return unsubscribe;
}
