import type { Command, CommandResult, Visit } from '../shared/index.js';
import type { ApiClient } from './api-client.js';
import { ApiError } from './errors.js';
import { mergeVisits } from './merge.js';

export { createApiClient, type ApiClient } from './api-client.js';
export { ApiError, NetworkError, OFFLINE_MESSAGE } from './errors.js';
export { mergeVisits } from './merge.js';

export interface VisitState {
  visits: Visit[];
  lastUpdated: Date | null;
  loading: boolean;
  /** A plain sentence about the last failed refresh, or null. */
  error: string | null;
}

/**
 * All visit data the screens see. Today it reads the server; the next step puts IndexedDB and
 * the outbox behind this same interface, so screens must not call the API for visits directly.
 */
export interface VisitStore {
  getState(): VisitState;
  subscribe(listener: (state: VisitState) => void): () => void;
  refresh(): Promise<void>;
  /** Fetches one visit the list does not hold (older than 12 hours); undefined if the ward has no such visit. */
  load(id: string): Promise<Visit | undefined>;
  send(command: Command): Promise<CommandResult>;
}

export function createVisitStore(api: Pick<ApiClient, 'listVisits' | 'getVisit' | 'sendCommand'>): VisitStore {
  let state: VisitState = { visits: [], lastUpdated: null, loading: false, error: null };
  const listeners = new Set<(state: VisitState) => void>();

  const update = (change: Partial<VisitState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener(state);
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async refresh() {
      update({ loading: true });
      try {
        const { visits, asOf } = await api.listVisits();
        // The list is the whole ward from 12 hours ago: it replaces what we hold, except where
        // a command answered a newer version while the list was in flight.
        const fresher = state.visits.filter((held) => visits.some((v) => v.id === held.id && v.version < held.version));
        update({ visits: mergeVisits(visits, fresher), lastUpdated: new Date(asOf), loading: false, error: null });
      } catch (error) {
        update({ loading: false, error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
    async load(id) {
      try {
        const visit = await api.getVisit(id);
        update({ visits: mergeVisits(state.visits, [visit]) });
        return visit;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not_found') return undefined;
        throw error;
      }
    },
    async send(command) {
      try {
        const result = await api.sendCommand(command);
        update({ visits: mergeVisits(state.visits, result.visits) });
        return result;
      } catch (error) {
        // A conflict carries the server's current visit: show that, it wins.
        if (error instanceof ApiError && error.visit) update({ visits: mergeVisits(state.visits, [error.visit]) });
        throw error;
      }
    },
  };
}

/** One key per change: a retry of the same change reuses it, so the server applies it once. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
