import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Answers over this size are compressed; smaller ones would gain less than the work costs.
 * The same floor as scripts/precompress.mjs uses for built files.
 */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** Brotli where the browser takes it (all current ones over HTTPS), else gzip (old tablets). */
const ENCODINGS = ['br', 'gzip'] as const;

/** Only answers made per request; the built UI was compressed once, at build time. */
const isMadePerRequest = (url: string) => url === '/api' || url.startsWith('/api/') || url === '/metrics';

/**
 * API answers are compressed as they are sent. Built files are not: `npm run build` wrote a .br
 * and a .gz beside each one (scripts/precompress.mjs), at levels too slow for a request, and
 * static-ui.ts sends those. Must be registered before the routes it applies to.
 *
 * Request bodies are never decompressed: no page sends them compressed, and a small gzip body
 * that unpacks to gigabytes is an attack we need not invite.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Runs before @fastify/compress's own onRoute hook, so static files' routes are left alone.
  app.addHook('onRoute', (route) => {
    if (!isMadePerRequest(route.url) && route.compress === undefined) route.compress = false;
  });
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: [...ENCODINGS],
    threshold: COMPRESS_THRESHOLD_BYTES,
  });
}
