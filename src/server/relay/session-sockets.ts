import type { Namespace } from 'socket.io';
import type { CallError } from '../../shared/index.js';
import type { Identity } from './identify.js';

/**
 * One session's sockets in a namespace, at most. A tablet holds one per namespace, two for a
 * moment while a reload's new page connects before the old one's socket is gone, a few if a
 * nurse opened the app in several tabs. Without a cap one stolen cookie could open thousands
 * (a load test opened 5,000) and hold the relay's memory and event loop.
 */
export const MAX_SOCKETS_PER_SESSION = 8;

export const SESSION_FULL: CallError = {
  code: 'rate_limited',
  message: 'This device has too many connections open. Close the other tabs of this service, then try again.',
};

/** A room per ward session, named by its token's hash, so sign-out and revocation close its sockets at once. */
export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;
const visitorSessionRoom = (tokenHash: string) => `visitor-session:${tokenHash}`;

/**
 * Joins the socket to its session's room, or answers false when the session already has its
 * fill here. The count and the join happen together, with no wait between them, so a burst of
 * handshakes cannot all pass the check first. Counts this node's sockets: behind a load
 * balancer with sticky sessions a tablet's sockets land on one node.
 */
export function joinSessionRoom(nsp: Namespace, socket: { join(room: string): unknown }, identity: Identity): boolean {
  const room = identity.sessionHash ? sessionRoom(identity.sessionHash) : identity.visitorSessionHash ? visitorSessionRoom(identity.visitorSessionHash) : null;
  if (!room) return true;
  if ((nsp.adapter.rooms.get(room)?.size ?? 0) >= MAX_SOCKETS_PER_SESSION) return false;
  void socket.join(room);
  return true;
}
