import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contactsOf, RESENDS_PER_VISIT, type Visit, type VisitMessages } from '../../shared/index.js';
import { resendRequestSchema } from '../../shared/command-schemas.js';
import { visitIdSchema } from '../../shared/command-schemas.js';
import type { AppContext } from '../context.js';
import type { Messaging } from '../notify/messaging.js';
import { queueVisitMessages } from '../notify/queue.js';
import { resendsUsed, visitMessages } from '../notify/visit-messages.js';
import { listMessages } from '../store/messages.js';
import { isUniqueViolation } from '../store/database.js';
import { findVisit, lockVisit } from '../store/visits.js';
import type { WardEvents } from '../ward-events.js';
import { signedInWard } from './access.js';
import { HttpError, parseOr400 } from './errors.js';

type VisitParams = { Params: { id: string } };

const NO_VISIT = 'There is no visit with that id on this ward.';
const NOT_SET_UP = 'Text and email messages are not set up. Share the link yourself.';

async function wardVisit(context: AppContext, request: FastifyRequest<VisitParams>): Promise<{ wardId: string; visit: Visit }> {
  const { ward } = signedInWard(request);
  const visit = visitIdSchema.safeParse(request.params.id).success ? await findVisit(context.db, ward.id, request.params.id) : undefined;
  if (!visit) throw new HttpError(404, 'not_found', NO_VISIT);
  return { wardId: ward.id, visit };
}

/** Why "Send the link again" cannot be done now, or null when it can. */
function resendRefusal(messaging: Messaging, visit: Visit, used: number): HttpError | null {
  if (!messaging.enabled) return new HttpError(409, 'not_allowed', NOT_SET_UP);
  if (visit.status !== 'ready' && visit.status !== 'in-progress') {
    return new HttpError(409, 'not_allowed', 'The link is sent when you start the visit. Start the visit first, or share the link yourself.');
  }
  if (contactsOf(visit).length === 0) return new HttpError(409, 'not_allowed', 'This visit has no mobile number or email address. Share the link yourself.');
  if (used >= RESENDS_PER_VISIT) {
    return new HttpError(429, 'rate_limited', `The link has been sent again ${RESENDS_PER_VISIT} times for this visit. Share it yourself, or phone the visitor.`);
  }
  return null;
}

/**
 * Where the family's texts and emails are, for the visit page, and "Send the link again".
 * Read on demand, not kept in the tablet's visit records: delivery moves without the visit
 * changing, and it is only worth knowing while online.
 */
export function registerVisitMessageRoutes(app: FastifyInstance, context: AppContext, messaging: Messaging, events: WardEvents): void {
  app.get<VisitParams>('/api/visits/:id/messages', { config: { access: 'ward' } }, async (request): Promise<VisitMessages> => {
    const { visit } = await wardVisit(context, request);
    return visitMessages(messaging.enabled, visit, await listMessages(context.db, visit.id));
  });

  app.post<VisitParams>('/api/visits/:id/messages/resend', { config: { access: 'ward' } }, async (request): Promise<VisitMessages> => {
    const { wardId, visit: seen } = await wardVisit(context, request);
    const { key } = parseOr400(resendRequestSchema, request.body);
    const resend = () =>
      context.db.transaction().execute(async (trx) => {
        // The visit's row first, locked on PostgreSQL: resends of one visit then take turns, as
        // on SQLite, so each sees the rows of the one before (its key, the resends used).
        const visit = (await lockVisit(trx, wardId, seen.id)) ?? seen;
        const rows = await listMessages(trx, seen.id);
        // The same tap again (a double tap, a retry after a lost answer): already done.
        if (rows.some((row) => row.resend_key === key)) return visitMessages(messaging.enabled, visit, rows);
        const refusal = resendRefusal(messaging, visit, resendsUsed(rows));
        if (refusal) throw refusal;
        const queued = await queueVisitMessages(trx, 'resend', wardId, visit, context.now(), { resendKey: key });
        if (queued === 0) throw new HttpError(409, 'not_allowed', 'The link is on its way already. Wait a minute, then look again.');
        return visitMessages(messaging.enabled, visit, await listMessages(trx, visit.id));
      });
    const answer = await resend().catch(async (error: unknown) => {
      // The unique index on (visit, key, channel) refused a second send of this tap (a writer
      // that took no lock): it was done, so answer as a replay, not a 500.
      if (!isUniqueViolation(error)) throw error;
      return visitMessages(messaging.enabled, (await findVisit(context.db, wardId, seen.id)) ?? seen, await listMessages(context.db, seen.id));
    });
    request.log.info({ wardId }, 'link sent again');
    messaging.kick();
    events.messagesChanged(wardId, seen.id);
    return answer;
  });
}
