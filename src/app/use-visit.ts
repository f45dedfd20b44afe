import { useEffect, useState } from 'preact/hooks';
import type { Visit } from '../shared/index.js';
import { useRefreshOnOpen } from './use-refresh.js';
import { useVisitState, useWard } from './ward-context.js';

/**
 * One visit from the store, refreshed when the screen opens. A visit the list does not hold
 * (older than 12 hours, say, opened from a bookmark) is fetched on its own.
 */
export function useVisit(id: string): { visit: Visit | undefined; loading: boolean; error: string | null } {
  const { store } = useWard();
  const state = useVisitState(store);
  useRefreshOnOpen(store);
  const visit = state.visits.find((v) => v.id === id);
  const listLoaded = state.lastUpdated !== null && !state.loading;
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

  const error = state.error ?? lookupError;
  const loading = !visit && !error && lookup !== 'done';
  return { visit, loading, error };
}
