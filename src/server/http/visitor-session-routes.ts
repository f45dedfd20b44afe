import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  FEEDBACK_WINDOW_HOURS,
  JOIN_GRACE_MINUTES_AFTER_END,
  MAX_FEEDBACK_PER_VISIT,
  TURNED_AWAY_MESSAGE,
  feedbackWindow,
  VISITOR_SESSION_MAX_HOURS,
  joinOpensAt,
  joinState,
  visitEndsAt,
  type ClosedVisitInfo,
  type JoinInfo,
} from '../../shared/index.js';
import type { AppContext } from '../context.js';
import type { LivePresence } from '../relay/presence.js';
import type { JoinLinks } from '../security/join-links.js';
import { newToken, sha256 } from '../security/tokens.js';
import { createVisitorSession, findLiveVisitorSession } from '../store/visitor-sessions.js';
import { findVisitBehindLink, type VisitBehindLink } from '../store/visits.js';
import { VISITOR_COOKIE, joinedVisitor } from './access.js';
import type { CredentialGuard } from './credential-guard.js';
import { HttpError, parseOr400 } from './errors.js';
import { NOT_FOUND, TOKEN_SHAPE } from './join-routes.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const CLOSED = {
  cancelled: 'This visit has been cancelled. Contact the ward if you would like to book another.',
  ended: 'This visit has ended. Contact the ward if you would like to book another.',
  archived: 'This ward no longer runs video visits. Contact the hospital if you would like to arrange a visit.',
} as const;

const exchangeSchema = z.strictObject({ token: z.string().max(100) });

/**
 * What the visitor's page may show about an open visit: no personal data. Closed visits are
 * refused, saying when the visit was and whom to ask. `bySession`: a visitor session asks (a
 * reload), which may still answer the end page's question; a link opened afresh may not.
 */
function joinInfo(context: AppContext, found: VisitBehindLink, bySession: boolean): JoinInfo {
  if (found.wardArchived) throw new HttpError(410, 'link_closed', CLOSED.archived);
  const now = context.now();
  const state = joinState(found.visit, now);
  const contact = { hospital: found.hospitalName, ward: found.wardName, wardPhone: found.wardPhone };
  if (state === 'cancelled' || state === 'ended') {
    const feedbackOpen =
      bySession && feedbackWindow({ status: found.visit.status, ...found }, now) === 'open' && found.feedbackGiven < MAX_FEEDBACK_PER_VISIT;
    const closedVisit: ClosedVisitInfo = { state, ...contact, startsAt: found.visit.startsAt, timeZone: context.config.timeZone, feedbackOpen };
    throw new HttpError(410, 'link_closed', CLOSED[state], {}, { closedVisit });
  }
  return {
    state,
    ...contact,
    startsAt: found.visit.startsAt,
    lengthMinutes: found.visit.lengthMinutes,
    opensAt: joinOpensAt(found.visit).toISOString(),
    timeZone: context.config.timeZone,
  };
}

/**
 * A visitor session lasts a few hours, and never past the time feedback closes: long enough
 * for a reload during the call and the end page, short enough that a phone picked up later
 * holds nothing that works.
 */
function visitorSessionExpiry(found: VisitBehindLink, now: Date): Date {
  const lastUse = visitEndsAt(found.visit).getTime() + JOIN_GRACE_MINUTES_AFTER_END * MINUTE_MS + FEEDBACK_WINDOW_HOURS * HOUR_MS;
  return new Date(Math.min(now.getTime() + VISITOR_SESSION_MAX_HOURS * HOUR_MS, lastUse));
}

/**
 * The visitor's page swaps the token from its link for a session cookie on first load, then
 * takes the token out of the address bar: it is then not left in history, bookmarks,
 * screenshots or a shared screen. The token travels in the body, never in an API address.
 */
export function registerVisitorSessionRoutes(
  app: FastifyInstance,
  context: AppContext,
  joinLinks: JoinLinks,
  guard: CredentialGuard,
  presence: LivePresence,
): void {
  app.post('/api/visitor-session', { config: { access: 'public' } }, async (request, reply): Promise<JoinInfo> => {
    await guard.check(request);
    const { token } = parseOr400(exchangeSchema, request.body);
    const found = TOKEN_SHAPE.test(token) ? await findVisitBehindLink(context.db, { joinTokenHash: joinLinks.hashOf(token) }) : undefined;
    if (!found) {
      await guard.failed(request);
      throw new HttpError(404, 'link_not_found', NOT_FOUND);
    }
    const info = joinInfo(context, found, false);
    const now = context.now();
    // The same browser, turned away by the ward, opening the link again: still not let in.
    const previous = request.cookies[VISITOR_COOKIE] ? await findLiveVisitorSession(context.db, request.cookies[VISITOR_COOKIE], now) : undefined;
    if (previous?.turnedAway && previous.visitId === found.visit.id) throw new HttpError(403, 'turned_away', TURNED_AWAY_MESSAGE);
    const sessionToken = newToken();
    const expiresAt = visitorSessionExpiry(found, now);
    await createVisitorSession(context.db, sessionToken, found.visit.id, now, expiresAt);
    // The ward's tablets show "Opened the link" from now until they join (or do not).
    // Only what the tablets show: a live state that cannot be reached does not keep the family out.
    await presence.linkOpened(found.wardId, found.visit.id, sha256(sessionToken)).catch((error: unknown) => request.log.error({ err: error }, 'recording who opened a link failed'));
    reply.setCookie(VISITOR_COOKIE, sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      expires: expiresAt,
    });
    return info;
  });

  // A reload of the page, after the token has left the address bar.
  app.get('/api/visitor-session', { config: { access: 'visitor' } }, async (request): Promise<JoinInfo> => {
    const { visitId } = joinedVisitor(request);
    const found = await findVisitBehindLink(context.db, { visitId });
    if (!found) throw new HttpError(404, 'link_not_found', NOT_FOUND);
    return joinInfo(context, found, true);
  });
}
