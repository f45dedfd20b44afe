import { EventEmitter } from 'node:events';
import type { Visit } from '../shared/index.js';

/**
 * What HTTP routes tell the realtime relay: visits changed on a ward, a session ended. Kept
 * in one process here; with several nodes the socket.io Redis adapter carries the room emits.
 */
export interface WardEvents {
  visitsChanged(wardId: string, visits: Visit[]): void;
  /** By the session token's hash: a sign-out here, or an end or expiry the session sweep noticed. */
  sessionEnded(tokenHash: string): void;
  /** "Make a new link": whoever came in by the old one must be let go. */
  linkReplaced(visitId: string): void;
  /** A visit's text or email moved on: the ward's open visit page asks again. */
  messagesChanged(wardId: string, visitId: string): void;
  onVisitsChanged(listener: (wardId: string, visits: Visit[]) => void): void;
  onSessionEnded(listener: (tokenHash: string) => void): void;
  onLinkReplaced(listener: (visitId: string) => void): void;
  onMessagesChanged(listener: (wardId: string, visitId: string) => void): void;
}

export function createWardEvents(): WardEvents {
  const emitter = new EventEmitter();
  return {
    visitsChanged: (wardId, visits) => emitter.emit('visits', wardId, visits),
    sessionEnded: (token) => emitter.emit('session-ended', token),
    onVisitsChanged: (listener) => emitter.on('visits', listener),
    onSessionEnded: (listener) => emitter.on('session-ended', listener),
    linkReplaced: (visitId) => emitter.emit('link-replaced', visitId),
    onLinkReplaced: (listener) => emitter.on('link-replaced', listener),
    messagesChanged: (wardId, visitId) => emitter.emit('messages', wardId, visitId),
    onMessagesChanged: (listener) => emitter.on('messages', listener),
  };
}
