import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { pageWithStyleNonce } from './content-security-policy';
import { Refusal } from './replies';

const PAGE_PATHS = new Set(['/', '/index.html']);

/** The app shell with this page load's style nonce, under the policy that names it. */
function sendPage(reply: FastifyReply, root: string): FastifyReply {
  const page = pageWithStyleNonce(fs.readFileSync(path.join(root, 'index.html'), 'utf8'));
  return reply.header('Content-Security-Policy', page.policy).header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(page.html);
}

/** The built renderer: hashed assets cached for good, everything else revalidated; client-side routes get the app shell. */
export async function registerRendererFiles(app: FastifyInstance, rendererDir: string): Promise<void> {
  const root = path.resolve(rendererDir);
  await app.register(fastifyStatic, {
    root,
    cacheControl: false,
    // The page is never sent as a plain file: the not-found handler sends it with a fresh style nonce.
    index: false,
    allowedPath: (pathname) => !PAGE_PATHS.has(pathname),
    setHeaders: (reply, file) => {
      const immutable = file.startsWith(path.join(root, 'assets') + path.sep);
      reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (pathname.startsWith('/api/')) throw new Refusal(404, 'NOT_FOUND', 'Unknown method');
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new Refusal(405, 'VALIDATION', 'Method not allowed');
    // Client-side routes (/customers/123) get the app shell; missing assets get 404.
    if (/\.[a-z0-9]+$/i.test(pathname) && !PAGE_PATHS.has(pathname)) throw new Refusal(404, 'NOT_FOUND', 'Not found');
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The user interface is not built yet: run `npm run build:renderer` (npm run serve does this for you).');
    }
    return sendPage(reply, root);
  });
}
