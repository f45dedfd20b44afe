import { z } from './zod-mini.js';
import { NAME_MAX_LENGTH } from './limits.js';
import { PRESENCE_MAX_PER_VISIT, PRESENCE_MAX_VISITS, PRESENCE_STATES } from './presence.js';
import { FEEDBACK_ANSWERS } from './feedback.js';

/**
 * The zod/mini schemas: what the ward tablet checks as it arrives on its socket (presence, a
 * visit's messages moving on), and the visitor's two small bodies the server checks. Not in the
 * shared index: a schema is made when its module loads, so one there would put zod in every
 * page, even the visitor's landing page, which parses nothing. Import this file directly.
 */

export const visitorPresenceSchema = z.strictObject({
  /** The name given with "Join visit"; null while they have only opened the link. */
  name: z.nullable(z.string().check(z.minLength(1), z.maxLength(NAME_MAX_LENGTH))),
  state: z.enum(PRESENCE_STATES),
  /** When they came into this state (UTC, ISO 8601). */
  since: z.iso.datetime(),
});
export type VisitorPresence = z.infer<typeof visitorPresenceSchema>;

export const visitPresenceSchema = z.strictObject({
  visitId: z.uuid(),
  /** Oldest first. Empty: nobody has opened the link (or the visit has ended). */
  visitors: z.array(visitorPresenceSchema).check(z.maxLength(PRESENCE_MAX_PER_VISIT)),
});
export type VisitPresence = z.infer<typeof visitPresenceSchema>;

/** What the server pushes on the ward's socket as `presence`; the tablet checks it on arrival. */
export const presenceUpdateSchema = z.strictObject({
  /**
   * true: the ward's whole presence, sent when a tablet's socket (re)connects; a visit not
   * named has nobody. false: only the visits named changed.
   */
  full: z.boolean(),
  visits: z.array(visitPresenceSchema).check(z.maxLength(PRESENCE_MAX_VISITS)),
});
export type PresenceUpdate = z.infer<typeof presenceUpdateSchema>;

/** The payload of MESSAGES_CHANGED, checked where it arrives (the tablet's socket). */
export const messagesChangedSchema = z.strictObject({ visitId: z.uuid() });
export type MessagesChanged = z.infer<typeof messagesChangedSchema>;

/** "Send the link again": the key makes a double tap, or a retry after a lost answer, one resend. */
export const resendRequestSchema = z.strictObject({ key: z.uuid() });
export type ResendRequest = z.infer<typeof resendRequestSchema>;

/** The body of `POST /api/join/:token/feedback`. */
export const feedbackSchema = z.strictObject({ answer: z.enum(FEEDBACK_ANSWERS) });
export type FeedbackBody = z.infer<typeof feedbackSchema>;
