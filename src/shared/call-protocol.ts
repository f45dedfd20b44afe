import { z, type ZodType } from './zod.js';
import { NAME_MAX_LENGTH } from './limits.js';

/**
 * The call relay's events on the socket.io namespace `/call`. Both sides' payloads are
 * validated on arrival; the relay forwards `signal` data opaque (it never reads SDP).
 */
export const CALL_NAMESPACE = '/call';
/** Up to 3 visitor devices may join one visit (family in different places). */
export const MAX_VISITORS_PER_VISIT = 3;
/** WebRTC signals are small; a bigger one is a mistake or an attack. */
export const SIGNAL_MAX_BYTES = 64 * 1024;
/** socket.io's own limit on one message (its default is 1 MB): room for a signal and its wrapping, no more. */
export const SOCKET_MESSAGE_MAX_BYTES = 2 * SIGNAL_MAX_BYTES;

/**
 * waiting → checking (admitted to talk to staff only: the ward checks who they are, and the
 * tablet sends no picture of the patient yet) → admitted (in the call). The tablet may turn a
 * visitor away while waiting or checking.
 */
export type ParticipantState = 'waiting' | 'checking' | 'admitted';

export interface Participant {
  /** The relay's id for this visitor device in this visit. */
  id: string;
  name: string;
  state: ParticipantState;
}

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/**
 * RTCPeerConnection's iceTransportPolicy, chosen by the trust: 'relay' sends every call
 * through its TURN server (hiding devices' addresses from each other); 'all' lets ICE pick the
 * best path, direct where it can.
 */
export type IceTransportPolicy = 'all' | 'relay';

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

export interface CallError {
  code: 'invalid_event' | 'not_allowed' | 'not_found' | 'full' | 'rate_limited' | 'link_closed' | 'turned_away';
  message: string;
}

/** What the relay tells participants. */
export interface CallServerEvents {
  /** To the tablet after start: who is there, and the ICE servers to use. */
  room: (payload: { visitId: string; participants: Participant[]; iceServers: IceServer[]; iceTransportPolicy: IceTransportPolicy }) => void;
  /** To the tablet: someone is waiting, admitted, or gone. */
  participant: (payload: Participant) => void;
  left: (payload: { participantId: string }) => void;
  /**
   * To a visitor: their place, and the ICE servers to use. Both `room` and `joined` carry TURN
   * credentials minted for that one participant; pass iceServers and iceTransportPolicy
   * straight to RTCPeerConnection's configuration.
   */
  joined: (payload: {
    participantId: string;
    state: ParticipantState;
    /** Set when the relay restored this visitor's live pairing: keep the peer, do not start again. */
    pairingId?: string;
    /** Nobody from the ward is on the call screen now (the tablet dropped out, or left it for a while). */
    wardAway: boolean;
    iceServers: IceServer[];
    iceTransportPolicy: IceTransportPolicy;
  }) => void;
  /** To a visitor once admitted, and to the tablet: start a peer connection for this pairing. */
  admitted: (payload: { participantId: string; pairingId: string; checking: boolean }) => void;
  /** To a visitor: the ward checked who they are; the patient's picture follows. */
  checked: () => void;
  /** To visitors: nobody from the ward is on the call screen; stay on the page. */
  'ward-away': () => void;
  /** To visitors: the ward is back on the call screen; the call carries on. */
  'ward-back': () => void;
  /** Opaque WebRTC signal; `from` is stamped by the relay, never taken from the sender. */
  signal: (payload: { from: string; pairingId: string; data: unknown }) => void;
  ended: () => void;
  'call-error': (payload: CallError) => void;
}
