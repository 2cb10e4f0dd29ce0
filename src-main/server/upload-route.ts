import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { RunningBackend } from '../backend/backend';
import { MAX_IMPORT_BYTES } from '../domain/imports/imports.contract';
import { importUploads, UploadInterrupted, UploadTooLarge } from '../domain/imports/imports.uploads';
import { callerOf } from './api-routes';
import { Refusal, sendResult } from './replies';
import type { SessionStore } from './sessions';

/** Who may upload: whoever may import, the only use of an upload. */
const UPLOAD_METHOD = 'imports.customers';

const tooLarge = () => new Refusal(413, 'VALIDATION', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files`);

/**
 * `POST /api/uploads`: an import file as the raw body (application/octet-stream), streamed to a
 * temporary file; answers `{ ok: true, data: { uploadId, size } }`, and the import methods take the
 * `uploadId`. The caller and the announced size are checked before a byte is read.
 */
export async function registerUploadRoute(app: FastifyInstance, backend: RunningBackend, sessions: SessionStore): Promise<void> {
  const permission = backend.registry.contract[UPLOAD_METHOD]!.permission;
  await app.register(async (scope) => {
    // The body stays a stream: it goes to disk, never into memory.
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    scope.post('/api/uploads', {
      onRequest: async (request) => {
        if (request.headers['content-type'] !== 'application/octet-stream') throw new Refusal(415, 'VALIDATION', 'Send the file as application/octet-stream');
        request.caller = callerOf(request, sessions);
        const user = request.caller.session.user;
        if (!user) throw new Refusal(401, 'UNAUTHENTICATED', 'Please sign in first.');
        if (!backend.registry.roleHas(user.role, permission)) throw new Refusal(403, 'FORBIDDEN', `Your role (${user.role}) does not allow importing files.`);
        if (Number(request.headers['content-length']) > MAX_IMPORT_BYTES) throw tooLarge();
      },
      handler: async (request, reply) => {
        const user = request.caller!.session.user!;
        if (!request.body) throw new Refusal(400, 'VALIDATION', 'The file is empty');
        try {
          const { uploadId, size } = await importUploads.receive(request.body as Readable, user.id, MAX_IMPORT_BYTES);
          return sendResult(reply, 200, { ok: true, data: { uploadId, size } });
        } catch (error) {
          if (error instanceof UploadTooLarge) throw tooLarge();
          if (error instanceof UploadInterrupted) throw new Refusal(400, 'VALIDATION', error.message);
          throw error;
        }
      },
    });
  });
}
