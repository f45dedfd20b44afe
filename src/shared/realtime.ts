import type { PresenceUpdate } from './presence.js';
import type { Visit } from './visit.js';

/** Events the server pushes to a ward's signed-in tablets over socket.io. */
export interface ServerToClientEvents {
  /** Visits another tablet (or this one) changed; a tablet keeps the higher version. */
  'visits-changed': (payload: { visits: Visit[] }) => void;
  /** Who is at each visit's link now (see presence.ts): in full on every (re)connection, then changes. */
  presence: (payload: PresenceUpdate) => void;
  /** A visit's text or email moved on (sent, delivered, not delivered): its page asks again. */
  'messages-changed': (payload: { visitId: string }) => void;
}

/** Events a tablet may send. None yet: every change goes through the HTTP command route. */
export type ClientToServerEvents = Record<string, never>;

export const VISITS_CHANGED = 'visits-changed';
