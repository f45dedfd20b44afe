import { createHmac, randomBytes } from 'node:crypto';
import { JOIN_GRACE_MINUTES_AFTER_END, SESSION_MAX_HOURS, visitEndsAt, type Visit } from '../../shared/index.js';

/**
 * TURN credentials in coturn's REST-API scheme ("use-auth-secret"): the server and coturn share
 * one secret and nothing else; no user list to keep in step. The username is
 * `<expiry unix seconds>:<id>`; the password is base64(HMAC-SHA1(secret, username)). coturn
 * recomputes the password from the username and refuses a username whose expiry has passed.
 * https://github.com/coturn/coturn/wiki/turnserver#turn-rest-api
 * https://datatracker.ietf.org/doc/html/draft-uberti-behave-turn-rest-00
 */
export interface TurnCredential {
  username: string;
  credential: string;
}

/**
 * The floor on a credential's life. coturn checks the expiry on every authenticated request,
 * and a browser refreshes its allocation and permissions every few minutes, so a relayed call
 * dies within minutes of its credential expiring. Four hours is the longest visit that can be
 * booked (VISIT_LENGTH_MAX_MINUTES), so a call that overruns its slot, as end-of-life calls do,
 * keeps its relay; every later join or restart of the visit gets a fresh credential anyway.
 */
export const TURN_MIN_LIFETIME_MINUTES = 4 * 60;
/**
 * The ceiling: a tablet may start a visit long before its slot, and a credential that leaked
 * should not outlive a ward shift (a session lasts at most SESSION_MAX_HOURS).
 */
export const TURN_MAX_LIFETIME_MINUTES = SESSION_MAX_HOURS * 60;
/** 128 random bits: the id says nothing about who the participant is, and never repeats. */
const TURN_ID_BYTES = 16;

/**
 * When a credential handed out `now` for this visit expires: the visit's end plus the join
 * grace (a visitor may still arrive then), but at least TURN_MIN_LIFETIME_MINUTES and at most
 * TURN_MAX_LIFETIME_MINUTES from now. Whole seconds, as the username carries them.
 */
export function turnExpiry(visit: Pick<Visit, 'startsAt' | 'lengthMinutes'>, now: Date): Date {
  const byVisit = visitEndsAt(visit).getTime() + JOIN_GRACE_MINUTES_AFTER_END * 60_000;
  const floor = now.getTime() + TURN_MIN_LIFETIME_MINUTES * 60_000;
  const ceiling = now.getTime() + TURN_MAX_LIFETIME_MINUTES * 60_000;
  const chosen = Math.min(Math.max(byVisit, floor), ceiling);
  return new Date(Math.floor(chosen / 1000) * 1000);
}

/** A fresh opaque id for one participant's credential: never a name, a visit id or a ward. */
export function newTurnUserId(): string {
  return randomBytes(TURN_ID_BYTES).toString('base64url');
}

/** The coturn REST-API username and password for `id`, valid until `expiresAt`. */
export function turnCredential(secret: string, id: string, expiresAt: Date): TurnCredential {
  // coturn splits the username at its first ':' (rest-api-separator) to read the expiry.
  if (id.includes(':')) throw new Error('a TURN user id must not contain ":"');
  const username = `${Math.floor(expiresAt.getTime() / 1000)}:${id}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}
