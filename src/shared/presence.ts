import { z } from './zod-mini.js';
import { MAX_VISITORS_PER_VISIT } from './call-protocol.js';
import { NAME_MAX_LENGTH } from './limits.js';

/**
 * Live presence: where each visitor who opened a visit's link is now, as the call relay sees
 * it, pushed to every tablet of the ward beside the visit's status. Live state only: it is
 * never written to the database, and it carries the names visitors typed (personal data), so
 * it is never logged either.
 *
 * - `opened`: opened the link (the device check, the camera help) but has not pressed "Join";
 * - `waiting`: joined and waiting to be admitted (before the ward pressed "Start visit", the
 *   tablet still shows this as "opened the link": nobody can let them in yet);
 * - `checking`: let in to talk to staff, who check who they are before the patient is shown;
 * - `in-call`, `reconnecting`: admitted; their connection dropped and may come back;
 * - `left`, `turned-away`: gone, by their choice or a lost connection, or the ward did not let them in.
 */
export const PRESENCE_STATES = ['opened', 'waiting', 'checking', 'in-call', 'reconnecting', 'left', 'turned-away'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/**
 * Entries kept for one visit: the devices that may join, and as many again who opened the link
 * without joining or have gone. Older ones make way (the relay drops the oldest that are gone).
 */
export const PRESENCE_MAX_PER_VISIT = 2 * MAX_VISITORS_PER_VISIT;
/** Far more visits than a ward has links open for at once; a longer push is not believed. */
export const PRESENCE_MAX_VISITS = 1_000;

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

export const PRESENCE = 'presence';
