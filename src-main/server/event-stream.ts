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
  const streams = new Set<{ write(chunk: string): unknown; end(reason: 'expired' | 'revoked'): void; session: Session }>();
  const unsubscribe = backend.onEvent((event: ApiEvent, audience?: Session) => {
    for (const stream of streams) {
      // The user as stored now: a session that expired or lost its rights gets no more events.
      const current = backend.currentUser({ session: stream.session, transport: 'http' });
      if (current === 'expired' || current === 'revoked') stream.end(current);
      const visible = typeof current === 'string' ? null : backend.eventFor(stream.session, event, audience);
      if (visible) stream.write(`data: ${JSON.stringify(visible)}\n\n`);
    }
  });

  app.get('/api/events', (request, reply) => {
    const { token, session } = callerOf(request, sessions);
    if (!token || !session.user) throw new Refusal(401, 'UNAUTHENTICATED', 'Please sign in first.');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    let ended = false;
    const stream = {
      write: (chunk: string) => res.write(chunk),
      // The page learns why before the stream closes, and goes back to the sign-in screen.
      end: (reason: 'expired' | 'revoked') => {
        if (ended) return;
        ended = true;
        res.end(`data: ${JSON.stringify({ kind: 'session.ended', reason } satisfies ApiEvent)}\n\n`);
      },
      session,
    };
    streams.add(stream);
    const forgetHook = sessions.onEnd(token, () => stream.end('revoked'));
    res.on('close', () => {
      streams.delete(stream);
      forgetHook();
    });
  });
  return unsubscribe;
}
