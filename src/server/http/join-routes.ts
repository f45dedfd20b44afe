import type { FastifyInstance } from 'fastify';
import { joinOpensAt, joinState, visitIdSchema, type JoinInfo, type JoinLink } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import type { JoinLinks } from '../security/join-links.js';
import { findVisit, findVisitByJoinTokenHash } from '../store/visits.js';
import { signedInWard } from './access.js';
import { HttpError } from './errors.js';

/** Tokens are 43 base64url characters; anything else is not worth a database look-up. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const NOT_FOUND = 'This link does not work. Check you have the whole link from the message, or ask the ward to send it again.';
const CLOSED = {
  cancelled: 'This visit has been cancelled. Contact the ward if you would like to book another.',
  ended: 'This visit has ended. Contact the ward if you would like to book another.',
} as const;

export function registerJoinRoutes(app: FastifyInstance, context: AppContext, joinLinks: JoinLinks): void {
  // Staff: the link to share for one of the ward's visits (made again from its id, never stored).
  app.get<{ Params: { id: string } }>('/api/visits/:id/join-link', { config: { access: 'ward' } }, async (request): Promise<JoinLink> => {
    const { ward } = signedInWard(request);
    const visit = visitIdSchema.safeParse(request.params.id).success ? await findVisit(context.db, ward.id, request.params.id) : undefined;
    if (!visit) throw new HttpError(404, 'not_found', 'There is no visit with that id on this ward.');
    return { url: `${request.protocol}://${request.host}/visit/${joinLinks.tokenFor(visit.id)}` };
  });

  // Visitors: what the page behind a link may show. Open to anyone holding a link; no personal data.
  app.get<{ Params: { token: string } }>('/api/join/:token', { config: { access: 'public' } }, async (request): Promise<JoinInfo> => {
    const { token } = request.params;
    const found = TOKEN_SHAPE.test(token) ? await findVisitByJoinTokenHash(context.db, joinLinks.hashOf(token)) : undefined;
    if (!found) throw new HttpError(404, 'link_not_found', NOT_FOUND);
    const state = joinState(found.visit, context.now());
    if (state === 'cancelled' || state === 'ended') throw new HttpError(410, 'link_closed', CLOSED[state]);
    return {
      state,
      hospital: found.hospitalName,
      ward: found.wardName,
      startsAt: found.visit.startsAt,
      lengthMinutes: found.visit.lengthMinutes,
      opensAt: joinOpensAt(found.visit).toISOString(),
      timeZone: context.config.timeZone,
    };
  });
}
