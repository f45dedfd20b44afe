import { useEffect, useState } from 'preact/hooks';
import type { PresenceUpdate, VisitorPresence } from '../shared/index.js';

export type PresenceByVisit = ReadonlyMap<string, readonly VisitorPresence[]>;

/**
 * The ward's live presence as the server last pushed it, in memory only: it is live state,
 * and names visitors typed, so it is never put on the device. Emptied when the socket drops,
 * so a tablet offline shows nothing stale; the server sends it all again on reconnection.
 */
export interface PresenceBoard {
  get(): PresenceByVisit;
  apply(update: PresenceUpdate): void;
  clear(): void;
  subscribe(listener: (presence: PresenceByVisit) => void): () => void;
}

export function createPresenceBoard(): PresenceBoard {
  let current: PresenceByVisit = new Map();
  const listeners = new Set<(presence: PresenceByVisit) => void>();
  const publish = (next: PresenceByVisit) => {
    current = next;
    for (const listener of listeners) listener(current);
  };
  return {
    get: () => current,
    apply({ full, visits }) {
      const next = new Map(full ? [] : current);
      for (const { visitId, visitors } of visits) {
        if (visitors.length > 0) next.set(visitId, visitors);
        else next.delete(visitId);
      }
      publish(next);
    },
    clear() {
      if (current.size > 0) publish(new Map());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The board's contents, kept current. */
export function usePresence(board: PresenceBoard): PresenceByVisit {
  const [presence, setPresence] = useState(board.get());
  useEffect(() => {
    setPresence(board.get());
    return board.subscribe(setPresence);
  }, [board]);
  return presence;
}
