import { useEffect, useState } from 'preact/hooks';
import type { ListedVisit } from '../visits/index.js';
import { useRefreshOnOpen } from './use-refresh.js';
import { useVisitState, useWard } from './ward-context.js';

/**
 * One visit from the store, refreshed when the screen opens. A visit the list does not hold
 * (older than 12 hours, say, opened from a bookmark) is fetched on its own.
 */
export function useVisit(id: string): { visit: ListedVisit | undefined; loading: boolean; error: string | null } {
  const { store } = useWard();
  const state = useVisitState(store);
  useRefreshOnOpen(store);
  const visit = state.visits.find((v) => v.id === id);
  // Look the visit up on its own once the device's copy is read and the list has had its
  // chance: offline the lookup fails and the page says so.
  const listLoaded = !state.loading;
  const [lookup, setLookup] = useState<'idle' | 'looking' | 'done'>('idle');
  const [lookupError, setLookupError] = useState<string | null>(null);

  useEffect(() => {
    if (visit || !listLoaded || lookup !== 'idle') return;
    setLookup('looking');
    store
      .load(id)
      .catch((error: unknown) => setLookupError(error instanceof Error ? error.message : String(error)))
      .finally(() => setLookup('done'));
  }, [visit, listLoaded, lookup, store, id]);

  const error = lookupError;
  const loading = !visit && !error && lookup !== 'done';
  return { visit, loading, error };
}
