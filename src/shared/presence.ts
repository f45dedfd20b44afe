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


// The shapes, checked where a push arrives, are in push-schemas.ts (out of the shared index).
export type { PresenceUpdate, VisitPresence, VisitorPresence } from './push-schemas.js';

export const PRESENCE = 'presence';
