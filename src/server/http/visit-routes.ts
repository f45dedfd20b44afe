import type { FastifyInstance } from 'fastify';
import { PAST_TAB_HOURS, type VisitListResponse } from '../../shared/index.js';
import { commandSchema, visitIdSchema } from '../../shared/command-schemas.js';
import { runCommand } from '../commands/run-command.js';
import type { AppContext } from '../context.js';
import type { Messaging } from '../notify/messaging.js';
import { findVisit, listVisitsStartingFrom } from '../store/visits.js';
import type { JoinLinks } from '../security/join-links.js';
import type { WardEvents } from '../ward-events.js';
import { signedInWard } from './access.js';
import { HttpError, parseOr400 } from './errors.js';

const HOUR_MS = 3_600_000;
const NOT_FOUND_MESSAGE = 'There is no visit with that id on this ward.';

export function registerVisitRoutes(app: FastifyInstance, context: AppContext, events: WardEvents, joinLinks: JoinLinks, messaging: Messaging): void {
  app.get('/api/visits', { config: { access: 'ward' } }, async (request): Promise<VisitListResponse> => {
    const { ward } = signedInWard(request);
    const now = context.now();
    const visits = await listVisitsStartingFrom(context.db, ward.id, new Date(now.getTime() - PAST_TAB_HOURS * HOUR_MS));
    return { visits, asOf: now.toISOString() };
  });

  app.get<{ Params: { id: string } }>('/api/visits/:id', { config: { access: 'ward' } }, async (request) => {
    const { ward } = signedInWard(request);
    // An id that is not even a UUID is as unknown as one that belongs to another ward.
    const visit = visitIdSchema.safeParse(request.params.id).success
      ? await findVisit(context.db, ward.id, request.params.id)
      : undefined;
    if (!visit) throw new HttpError(404, 'not_found', NOT_FOUND_MESSAGE);
    return visit;
  });

  app.post('/api/commands', { config: { access: 'ward' } }, async (request, reply) => {
    const { ward } = signedInWard(request);
    const command = parseOr400(commandSchema, request.body);
    const outcome = await runCommand(context.db, ward.id, command, {
      now: context.now(),
      timeZone: context.config.timeZone,
      joinTokenHash: (visitId) => joinLinks.hashOf(joinLinks.tokenFor(visitId)),
      queueMessages: messaging.queue,
    });
    request.log.info({ wardId: ward.id, command: command.type, status: outcome.statusCode }, 'command');
    // Replays push again too: harmless (tablets keep the higher version) and it heals a missed push.
    if ('visits' in outcome.body) {
      events.visitsChanged(ward.id, outcome.body.visits);
      messaging.kick();
    }
    return reply.code(outcome.statusCode).send(outcome.body);
  });
}
