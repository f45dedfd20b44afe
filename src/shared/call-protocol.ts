
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
