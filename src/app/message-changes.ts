/**
 * Word from the socket that a visit's texts or emails moved on, for an open visit page to ask
 * the server again. Nothing is kept: message status is read on demand, never stored on the
 * device. `null` means "any visit": the socket was down, so a push may have been missed.
 */
export interface MessageChanges {
  changed(visitId: string | null): void;
  subscribe(listener: (visitId: string | null) => void): () => void;
}

export function createMessageChanges(): MessageChanges {
  const listeners = new Set<(visitId: string | null) => void>();
  return {
    changed(visitId) {
      for (const listener of listeners) listener(visitId);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
