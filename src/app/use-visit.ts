import type { Visit } from '../shared/index.js';
import { useRefreshOnOpen } from './use-refresh.js';
import { useVisitState, useWard } from './ward-context.js';

/** One visit from the store, refreshed when the screen opens. */
export function useVisit(id: string): { visit: Visit | undefined; loading: boolean; error: string | null } {
  const { store } = useWard();
  const state = useVisitState(store);
  useRefreshOnOpen(store);
  const visit = state.visits.find((v) => v.id === id);
  return { visit, loading: !visit && (state.loading || state.lastUpdated === null) && !state.error, error: state.error };
}
