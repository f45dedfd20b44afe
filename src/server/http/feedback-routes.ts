import type { FastifyInstance } from 'fastify';
import { FEEDBACK_WINDOW_HOURS, MAX_FEEDBACK_PER_VISIT, feedbackWindow, instantToLocal } from '../../shared/index.js';
import { feedbackSchema } from '../../shared/command-schemas.js';
import type { AppContext } from '../context.js';
import { findFeedbackTarget, recordFeedback } from '../store/feedback.js';
import { joinedVisitor } from './access.js';
import { HttpError, parseOr400 } from './errors.js';
import { NOT_FOUND } from './join-routes.js';

const NOT_IN_CALL = 'You can give feedback once your call with the ward has started.';
const CLOSED = `Feedback for this visit has closed. It can be given for ${FEEDBACK_WINDOW_HOURS} hours after the call.`;
const ALREADY_GIVEN = 'Thank you, feedback for this visit has already been given.';

/**
 * The visitor's end page: "How was your visit?". The visitor session (from the join link)
 * authorises it. The answer is added to a count for the ward and the visit's day and
 * nothing else is kept: not the visit, not the time, not who answered.
 */
export function registerFeedbackRoutes(app: FastifyInstance, context: AppContext): void {
  app.post('/api/visitor-session/feedback', { config: { access: 'visitor' } }, async (request, reply) => {
    const target = await findFeedbackTarget(context.db, joinedVisitor(request).visitId);
    if (!target) throw new HttpError(404, 'link_not_found', NOT_FOUND);
    const { answer } = parseOr400(feedbackSchema, request.body);
    const window = feedbackWindow(target, context.now());
    if (window === 'not-in-call') throw new HttpError(409, 'not_allowed', NOT_IN_CALL);
    if (window === 'closed') throw new HttpError(410, 'link_closed', CLOSED);
    // The day the visit was booked for, so feedback lines up with that day's visits in reports.
    const day = instantToLocal(new Date(target.startsAt), context.config.timeZone).date;
    const counted = await recordFeedback(context.db, { visitId: target.visitId, wardId: target.wardId, day }, answer, MAX_FEEDBACK_PER_VISIT);
    if (!counted) throw new HttpError(409, 'conflict', ALREADY_GIVEN);
    return reply.code(204).send();
  });
}
