import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics for the trust's Prometheus, behind METRICS_TOKEN as a bearer token; not served
 * at all without one. Compared as hashes in constant time, so the answer's timing says
 * nothing of the token. Outside /api: it is for the monitoring system, not for a person.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics, token: string | null): void {
  if (!token) return;
  const expected = digest(`Bearer ${token}`);
  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    const given = digest(request.headers.authorization ?? '');
    if (!timingSafeEqual(given, expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: { code: 'not_signed_in', message: 'Give the metrics token as a bearer token.' } });
    }
    const { contentType, body } = await metrics.render();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
