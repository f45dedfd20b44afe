import type { FastifyInstance } from 'fastify';
import { visitIdSchema, type JoinLink } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import type { JoinLinks } from '../security/join-links.js';
import { findVisit } from '../store/visits.js';
import { signedInWard } from './access.js';
import { HttpError } from './errors.js';

/** Tokens are 43 base64url characters; anything else is not worth a database look-up. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const NOT_FOUND = 'This link does not work. Check you have the whole link from the message, or ask the ward to send it again.';

export function registerJoinRoutes(app: FastifyInstance, context: AppContext, joinLinks: JoinLinks): void {
  // Staff: the link to share for one of the ward's visits (made again from its id, never stored).
  app.get<{ Params: { id: string } }>('/api/visits/:id/join-link', { config: { access: 'ward' } }, async (request): Promise<JoinLink> => {
    const { ward } = signedInWard(request);
    const visit = visitIdSchema.safeParse(request.params.id).success ? await findVisit(context.db, ward.id, request.params.id) : undefined;
    if (!visit) throw new HttpError(404, 'not_found', 'There is no visit with that id on this ward.');
    return { url: `${request.protocol}://${request.host}/visit/${joinLinks.tokenFor(visit.id)}` };
  });
}
