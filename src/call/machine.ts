/**
 * The call as a pure state machine, the same for the tablet and the visitor: what happened
 * goes in, the next state comes out. Adapters (socket, simple-peer, media devices) turn
 * browser events into these events; screens render the state. No I/O here.
 */

export type FailureReason = 'no-camera-permission' | 'no-devices' | 'never-connected' | 'refused';

export type CallState =
  | { name: 'idle' }
  | { name: 'preparing-media' }
  /** Camera and microphone on, preview showing; not yet in the visit's room. */
  | { name: 'ready' }
  /** Asked the relay to join the visit's room; a relay that never answers times out. */
  | { name: 'joining'; since: number }
  /** In the room: a visitor waits to be admitted; a tablet waits for visitors. */
  | { name: 'waiting' }
  | { name: 'connecting'; since: number }
  | { name: 'connected'; since: number }
  /**
   * Was connected; media stalled or the peer was lost. Never times out: the call comes back by
   * itself while the visit is open (ICE restart, then a new peer). `since` is the first connection.
   */
  | { name: 'reconnecting'; since: number; troubleAt: number }
  | { name: 'ended' }
  | { name: 'failed'; reason: FailureReason; message: string };

export type CallEvent =
  | { type: 'start' }
  | { type: 'media-ready' }
  | { type: 'media-failed'; reason: 'no-camera-permission' | 'no-devices' }
  | { type: 'join-requested'; at: number }
  | { type: 'joined' }
  | { type: 'admitted'; at: number }
  | { type: 'peer-connected'; at: number }
  /** The other side's connection went away: before any media, wait to be paired again; after, reconnect. */
  | { type: 'peer-lost'; at: number }
  /** Media stalled, ICE disconnected, or the relay lost, while connected. */
  | { type: 'trouble'; at: number }
  | { type: 'tick'; at: number }
  | { type: 'refused'; message: string }
  | { type: 'end' }
  | { type: 'retry' };

/** How long "connecting" may last before the screen says so and offers to try again. */
export const CONNECT_TIMEOUT_MS = 20_000;

const MESSAGES: Record<FailureReason, string> = {
  'no-camera-permission': 'Your camera and microphone are blocked. Allow them in your browser settings, then try again.',
  'no-devices': 'No camera or microphone was found. Check one is connected, then try again.',
  'never-connected': 'The call could not connect. Check your internet connection, then try again.',
  refused: 'You cannot join this call.',
};

function failed(reason: FailureReason, message = MESSAGES[reason]): CallState {
  return { name: 'failed', reason, message };
}

export function nextCallState(state: CallState, event: CallEvent): CallState {
  if (event.type === 'end') return state.name === 'failed' ? state : { name: 'ended' };
  if (event.type === 'refused') return failed('refused', event.message);
  switch (state.name) {
    case 'idle':
      return event.type === 'start' ? { name: 'preparing-media' } : state;
    case 'preparing-media':
      if (event.type === 'media-ready') return { name: 'ready' };
      if (event.type === 'media-failed') return failed(event.reason);
      return state;
    case 'ready':
      if (event.type === 'join-requested') return { name: 'joining', since: event.at };
      return event.type === 'joined' ? { name: 'waiting' } : state;
    case 'joining':
      if (event.type === 'joined') return { name: 'waiting' };
      if (event.type === 'tick' && event.at - state.since >= CONNECT_TIMEOUT_MS) return failed('never-connected');
      return state;
    case 'waiting':
      return event.type === 'admitted' ? { name: 'connecting', since: event.at } : state;
    case 'connecting':
      if (event.type === 'peer-connected') return { name: 'connected', since: event.at };
      if (event.type === 'peer-lost') return { name: 'waiting' };
      // A new admit while connecting is a new pairing: its own clock.
      if (event.type === 'admitted') return { name: 'connecting', since: event.at };
      if (event.type === 'tick' && event.at - state.since >= CONNECT_TIMEOUT_MS) return failed('never-connected');
      return state;
    case 'connected':
      if (event.type === 'peer-lost' || event.type === 'trouble' || event.type === 'admitted') {
        return { name: 'reconnecting', since: state.since, troubleAt: event.at };
      }
      return state;
    case 'reconnecting':
      // A new pairing (the tablet rebuilding the peer) is part of reconnecting, not a new call.
      return event.type === 'peer-connected' ? { name: 'connected', since: state.since } : state;
    case 'failed':
      // The ward trying a call that never connected again: a new pairing, a new clock.
      if (event.type === 'admitted' && state.reason === 'never-connected') return { name: 'connecting', since: event.at };
      // Trying again goes back to the start: media may have been allowed meanwhile.
      return event.type === 'retry' ? { name: 'preparing-media' } : state;
    case 'ended':
      return state;
  }
}
