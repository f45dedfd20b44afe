import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.js';

/** Which built page answers a deep link, so a reload on any screen works (SPA fallback). */
function pageFor(path: string): string {
  if (path === '/visit' || path.startsWith('/visit/')) return 'visit.html';
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin.html';
  return 'index.html';
}

/** Hashed file names change with their content, so browsers may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function registerStaticUi(app: FastifyInstance, uiDir: string): Promise<void> {
  const built = existsSync(uiDir);
  if (built) {
    await app.register(fastifyStatic, {
      root: uiDir,
      index: false,
      wildcard: false,
      // The .br and .gz copies `npm run build` made (scripts/precompress.mjs): br, else gzip, else
      // the file itself, as the request's Accept-Encoding allows. Vary: Accept-Encoding is added.
      preCompressed: true,
      // Pages must always be revalidated, or a tablet keeps an old version after an update.
      setHeaders: (reply, path) => reply.header('cache-control', path.includes('/assets/') && !path.includes('/assets/images/') ? IMMUTABLE : 'no-cache'),
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path === '/api' || request.method !== 'GET') {
      return sendError(reply, 404, 'not_found', 'There is nothing at this address.');
    }
    if (/\.[a-z0-9]+$/i.test(path)) return sendError(reply, 404, 'not_found', 'There is no file at this address.');
    if (!built) return reply.code(503).type('text/plain').send('The app has not been built yet. Run: npm run build');
    reply.header('cache-control', 'no-cache');
    return reply.sendFile(pageFor(path));
  });
}
