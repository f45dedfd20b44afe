import { z, type ZodType } from './zod.js';
import { NAME_MAX_LENGTH } from './limits.js';
import { MAX_VISITORS_PER_VISIT, SIGNAL_MAX_BYTES } from './call-protocol.js';

/**
 * The schemas of the call relay's events (call-protocol.ts has the rest of the protocol). They
 * are classic zod and only the relay parses them, so this file stays out of the shared index:
 * importing it from a page would put classic zod, with its `new Function` compiler, in that
 * page's bundle (tests/e2e/no-eval-under-csp.test.ts). Pages import its types only.
 */
const participantId = z.string().uuid();
/** Each admit starts a pairing; signals of an older pairing are dropped. */
const pairingId = z.string().uuid();
/**
 * Real signals (an SDP offer, an ICE candidate) nest two or three levels. A crafted one nested
 * thousands deep would overflow the stack of JSON.stringify below, or of socket.io's encoder
 * when forwarded: an exception outside any request, which ends the server process.
 */
export const SIGNAL_MAX_DEPTH = 16;

/** Counted level by level, without recursion, so the check itself cannot overflow. */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > maxDepth) return true;
    const next: unknown[] = [];
    for (const item of level) if (item !== null && typeof item === 'object') for (const child of Object.values(item)) next.push(child);
    level = next;
  }
  return false;
}

// One check, depth first: zod 4 runs a later refinement even when an earlier one failed.
const signalData = z
  .unknown()
  .refine((data) => !nestsDeeperThan(data, SIGNAL_MAX_DEPTH) && JSON.stringify(data ?? null).length <= SIGNAL_MAX_BYTES, 'signal too large');

const visitorName = z.string().trim().min(1).max(NAME_MAX_LENGTH);

/**
 * A pairing whose media still flows when the relay lost track of it (a relay restart, a
 * dropped socket). Both ends name it when they come back; the relay restores it only when the
 * tablet claims it (a visitor can never admit itself), so a healthy call is not renegotiated.
 */
const livePairing = z.strictObject({ participantId, pairingId });
export type LivePairing = z.infer<typeof livePairing>;
/** A tablet's own record of a pairing it still has: whether the identity check was still going on. */
const tabletPairing = livePairing.extend({ name: visitorName, checking: z.boolean().optional() });

export const tabletEvents = {
  start: z.strictObject({
    visitId: z.string().uuid(),
    pairings: z.array(tabletPairing).max(MAX_VISITORS_PER_VISIT).optional(),
    /** The tablet is back but not on the call screen (reloaded while the call was on hold). */
    held: z.boolean().optional(),
  }),
  /** The nurse left the call screen: the visit stays open, and the visitors are told the ward stepped away. */
  hold: z.strictObject({}),
  admit: z.strictObject({ participantId }),
  /** The identity check failed, or someone took a place they should not have: they are let go, not let in. */
  'turn-away': z.strictObject({ participantId }),
  /** The identity check is done: the visitor is in the call and sees the patient. */
  checked: z.strictObject({ participantId }),
  signal: z.strictObject({ to: participantId, pairingId, data: signalData }),
  connected: z.strictObject({ participantId, pairingId }),
  /** The media of this pairing stopped (the call is reconnecting): for the visit's outage time. */
  interrupted: z.strictObject({ participantId, pairingId }),
  end: z.strictObject({}),
};

export const visitorEvents = {
  join: z.strictObject({ name: visitorName, resume: livePairing.optional() }),
  signal: z.strictObject({ pairingId, data: signalData }),
  leave: z.strictObject({}),
};

type Payloads<Events extends Record<string, ZodType>> = { [E in keyof Events]: z.infer<Events[E]> };
/** What a tablet may send, by event name. */
export type TabletEmits = Payloads<typeof tabletEvents>;
/** What a visitor may send, by event name. */
export type VisitorEmits = Payloads<typeof visitorEvents>;

