import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';

/** What a load balancer asks: whether to send this node traffic. */
export interface Readiness {
  /** Set when shutdown begins, so the balancer stops sending new work before the node goes. */
  draining: boolean;
  /** With several nodes: whether Redis answers (the relay's rooms and the sign-in limits are there). */
  redisAnswers?: () => Promise<boolean>;
}

/** A database or Redis that does not answer this fast counts as unreachable: the balancer's own check has a timeout too. */
const ANSWER_WITHIN_MS = 2_000;

async function answersInTime(check: () => Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ANSWER_WITHIN_MS)));
  try {
    return await Promise.race([check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const databaseAnswers = (context: AppContext) =>
  sql`select 1`.execute(context.db).then(
    () => true,
    () => false,
  );

/**
 * `/healthz`: the process is alive. `/readyz`: it can serve (the database, and Redis if used, answer, its
 * migrations ran before the server started listening, and it is not shutting down). Both are
 * cheap, need no credential, change nothing and say nothing about visits. They log only
 * warnings, as a balancer asks every few seconds.
 */
export function registerHealthRoutes(app: FastifyInstance, context: AppContext, readiness: Readiness): void {
  const options = { logLevel: 'warn' as const };
  app.get('/healthz', options, async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'alive' }));
  app.get('/readyz', options, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    if (readiness.draining) return reply.code(503).send({ status: 'draining', message: 'This server is shutting down.' });
    if (!(await answersInTime(() => databaseAnswers(context)))) return reply.code(503).send({ status: 'unavailable', message: 'The database cannot be reached.' });
    if (readiness.redisAnswers && !(await answersInTime(readiness.redisAnswers))) return reply.code(503).send({ status: 'unavailable', message: 'Redis cannot be reached.' });
    return reply.send({ status: 'ready' });
  });
}
