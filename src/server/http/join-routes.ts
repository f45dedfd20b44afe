import type { FastifyInstance, FastifyRequest } from 'fastify';
import { joinState, type JoinLink } from '../../shared/index.js';
import { emptyBodySchema } from '../../shared/admin-schemas.js';
import { visitIdSchema } from '../../shared/command-schemas.js';
import type { AppContext } from '../context.js';
import { joinUrl, type JoinLinks } from '../security/join-links.js';
import { linkGeneration, replaceJoinLink } from '../store/join-link-generations.js';
import { findVisit } from '../store/visits.js';
import type { WardEvents } from '../ward-events.js';
import { signedInWard } from './access.js';
import { HttpError, parseOr400 } from './errors.js';

/** Tokens are 43 base64url characters; anything else is not worth a database look-up. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const NOT_FOUND = 'This link does not work. Check you have the whole link from the message, or ask the ward to send it again.';
const NO_VISIT = 'There is no visit with that id on this ward.';

type VisitParams = { Params: { id: string } };

export function registerJoinRoutes(app: FastifyInstance, context: AppContext, joinLinks: JoinLinks, events: WardEvents): void {
  const linkFor = (request: FastifyRequest, visitId: string, generation: number): JoinLink => ({
    url: joinUrl(context.config.publicUrl ?? `${request.protocol}://${request.host}`, joinLinks.tokenFor(visitId, generation)),
  });

  // Staff: the link to share for one of the ward's visits (made again from its id, never stored).
  app.get<VisitParams>('/api/visits/:id/join-link', { config: { access: 'ward' } }, async (request): Promise<JoinLink> => {
    const { ward } = signedInWard(request);
    const generation = visitIdSchema.safeParse(request.params.id).success ? await linkGeneration(context.db, ward.id, request.params.id) : undefined;
    if (generation === undefined) throw new HttpError(404, 'not_found', NO_VISIT);
    return linkFor(request, request.params.id, generation);
  });

  // "Make a new link": for a link sent to the wrong person. The old one stops working at once,
  // and whoever opened it is signed out of the visit and their call socket closed.
  app.post<VisitParams>('/api/visits/:id/join-link', { config: { access: 'ward' } }, async (request): Promise<JoinLink> => {
    const { ward } = signedInWard(request);
    const visit = visitIdSchema.safeParse(request.params.id).success ? await findVisit(context.db, ward.id, request.params.id) : undefined;
    if (!visit) throw new HttpError(404, 'not_found', NO_VISIT);
    parseOr400(emptyBodySchema, request.body);
    const state = joinState(visit, context.now());
    if (state === 'cancelled' || state === 'ended') {
      throw new HttpError(409, 'not_allowed', `This visit has ${state === 'cancelled' ? 'been cancelled' : 'ended'}, so its link no longer works anyway.`);
    }
    const generation = await replaceJoinLink(context.db, visit.id, (next) => joinLinks.hashOf(joinLinks.tokenFor(visit.id, next)));
    events.linkReplaced(visit.id);
    request.log.info({ wardId: ward.id }, 'join link replaced');
    return linkFor(request, visit.id, generation);
  });
}

