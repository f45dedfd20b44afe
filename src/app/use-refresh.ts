import { useEffect } from 'preact/hooks';
import type { VisitStore } from '../visits/index.js';

/**
 * Refreshes the store when a screen opens. The store keeps what a failure means (offline, or
 * signed out) in its state, which the header and the session watch show.
 */
export function useRefreshOnOpen(store: VisitStore) {
  useEffect(() => {
    void store.refresh();
  }, [store]);
}
