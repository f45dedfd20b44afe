import { PAST_TAB_HOURS, startOfNextLocalDay, type Command, type SessionInfo, type Visit } from '../shared/index.js';
import type { ApiClient } from './api-client.js';
import { META, putNewerVisits, withDb } from './db.js';
import { ApiError, NetworkError } from './errors.js';
import { mergeServerList, viewWithOutbox, type ListedVisit } from './local-view.js';
import { isQueued, retryDelayMs, type OutboxEntry } from './outbox.js';
import { drainOutbox } from './sync.js';

const HOUR_MS = 3_600_000;
const BACKGROUND_RELOAD_MS = 250;

export interface VisitState {
  /** Server visits with this tablet's unsent changes applied. */
  visits: ListedVisit[];
  /** Changes not yet confirmed by the server, oldest first; refused ones carry the reason. */
  outbox: OutboxEntry[];
  /** When the list was last read from the server (survives reloads). */
  lastUpdated: Date | null;
  /** False when the last attempt to reach the server failed, or the browser says offline. */
  online: boolean;
  /** True until the device's copy has been read. */
  loading: boolean;
  /** The server no longer accepts this tablet's session: changes wait until sign-in. */
  needsSignIn: boolean;
}

/**
 * All visit data the screens see. Reads come from IndexedDB first, then the server; every
 * change goes to the outbox first and is shown at once, then sent in order by the sync engine.
 */
export interface VisitStore {
  getState(): VisitState;
  subscribe(listener: (state: VisitState) => void): () => void;
  /** Reads the device's copy, purges past days, then refreshes and sends what waits. */
  start(): Promise<void>;
  refresh(): Promise<void>;
  /** Fetches one visit the list does not hold (older than 12 hours); undefined if the ward has none. */
  load(id: string): Promise<Visit | undefined>;
  /** Saves a change on the device (replacing a refused one, if named) and starts sending it. */
  send(command: Command, options?: { replacing?: string }): Promise<void>;
  /** Drops an unsent or refused change. */
  discard(key: string): Promise<void>;
  /** Sends the outbox now: on start, online, visibility, socket reconnect and timer. */
  sync(): Promise<void>;
  /** Another tablet's changes, pushed by the server. */
  applyPushed(visits: readonly Visit[]): Promise<void>;
  setOnline(online: boolean): void;
  stop(): void;
}

export interface StoreOptions {
  api: Pick<ApiClient, 'listVisits' | 'getVisit' | 'sendCommand'>;
  session: SessionInfo;
  now?: () => Date;
  /** Called after a change is queued: the page asks the service worker for Background Sync. */
  onQueued?: () => void;
}

export function createVisitStore(options: StoreOptions): VisitStore {
  const { api, session } = options;
  const now = options.now ?? (() => new Date());
  let state: VisitState = { visits: [], outbox: [], lastUpdated: null, online: true, loading: true, needsSignIn: false };
  const listeners = new Set<(state: VisitState) => void>();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failedAttempts = 0;
  let stopped = false;

  const update = (change: Partial<VisitState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener(state);
  };

  /** Re-reads the device's copy and shows it: IndexedDB is the one source of what is shown. */
  const readAndShow = async () => {
    const [visits, outbox, lastUpdated] = await withDb((db) =>
      Promise.all([db.getAll('visits'), db.getAll('outbox'), db.get('meta', META.lastUpdated) as Promise<string | undefined>]),
    );
    update({
      visits: viewWithOutbox(visits, outbox, session.timeZone),
      outbox,
      lastUpdated: lastUpdated ? new Date(lastUpdated) : null,
      loading: false,
    });
  };

  // Reloads are coalesced: a drain of hundreds of changes, or a burst of pushes, asks for one
  // per change, but one read after the burst shows the same. Each caller's promise resolves
  // once a read that started after its request has finished.
  let reading: Promise<void> | null = null;
  let stale = false;
  const reload = (): Promise<void> => {
    stale = true;
    reading ??= (async () => {
      try {
        while (stale) {
          stale = false;
          await readAndShow();
        }
      } finally {
        reading = null;
      }
    })();
    return reading;
  };

  // Background progress (a drain's answers, another tablet's pushes) is shown at most this
  // often: a nurse cannot read faster, and each read re-renders the whole list.
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const reloadSoon = () => {
    reloadTimer ??= setTimeout(() => {
      reloadTimer = undefined;
      void reload();
    }, BACKGROUND_RELOAD_MS);
  };

  /** Stores visits from the server where they are newer than the device's copy. */
  const keepNewer = (visits: readonly Visit[]) =>
    withDb(async (db) => {
      const tx = db.transaction('visits', 'readwrite');
      await putNewerVisits(tx.store, visits);
      await tx.done;
    });

  /** Yesterday's and older records go, unless a change to them is still waiting to be sent. */
  const purgePastDays = async () => {
    const startOfToday = startOfNextLocalDay(new Date(now().getTime() - 24 * HOUR_MS), session.timeZone);
    const cutoff = Math.min(startOfToday.getTime(), now().getTime() - PAST_TAB_HOURS * HOUR_MS);
    await withDb(async (db) => {
      const waiting = new Set((await db.getAll('outbox')).flatMap(({ command }) => ('visitId' in command ? [command.visitId] : [])));
      const tx = db.transaction('visits', 'readwrite');
      for (const key of await tx.store.index('byStart').getAllKeys(IDBKeyRange.upperBound(new Date(cutoff).toISOString(), true))) {
        if (!waiting.has(key)) await tx.store.delete(key);
      }
      await tx.done;
    });
  };

  /**
   * A failed refresh leaves the device's copy as it is. Offline and signed-out are states the
   * screens show; anything else (a server error) is reported, and "Last updated" shows the age.
   */
  const noteFailure = (error: unknown) => {
    if (error instanceof NetworkError) update({ online: false });
    else if (error instanceof ApiError && error.code === 'not_signed_in') update({ needsSignIn: true });
    else console.warn('The visit list could not be refreshed:', error);
  };

  const scheduleRetry = () => {
    clearTimeout(retryTimer);
    if (stopped || !state.outbox.some((entry) => entry.refusal === null)) return;
    failedAttempts += 1;
    retryTimer = setTimeout(() => void store.sync(), retryDelayMs(failedAttempts));
  };

  const store: VisitStore = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      await purgePastDays();
      await reload();
      await Promise.allSettled([store.refresh(), store.sync()]);
    },
    async refresh() {
      try {
        const { visits, asOf } = await api.listVisits();
        const listFrom = new Date(Date.parse(asOf) - PAST_TAB_HOURS * HOUR_MS);
        await withDb(async (db) => {
          const tx = db.transaction(['visits', 'meta'], 'readwrite');
          const merged = mergeServerList(await tx.objectStore('visits').getAll(), visits, listFrom);
          await tx.objectStore('visits').clear();
          for (const visit of merged) await tx.objectStore('visits').put(visit);
          await tx.objectStore('meta').put(asOf, META.lastUpdated);
          await tx.done;
        });
        update({ online: true, needsSignIn: false });
        await reload();
      } catch (error) {
        noteFailure(error);
      }
    },
    async load(id) {
      try {
        const visit = await api.getVisit(id);
        await keepNewer([visit]);
        await reload();
        return visit;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not_found') return undefined;
        throw error;
      }
    },
    async send(command, sendOptions = {}) {
      await withDb(async (db) => {
        const tx = db.transaction('outbox', 'readwrite');
        if (sendOptions.replacing) {
          const old = await tx.store.index('byKey').getKey(sendOptions.replacing);
          if (old !== undefined) await tx.store.delete(old);
        }
        if (!isQueued(await tx.store.getAll(), command)) {
          await tx.store.add({ command, madeAt: now().toISOString(), refusal: null });
        }
        await tx.done;
      });
      await reload();
      options.onQueued?.();
      void store.sync();
    },
    async discard(key) {
      await withDb(async (db) => {
        const seq = await db.getKeyFromIndex('outbox', 'byKey', key);
        if (seq !== undefined) await db.delete('outbox', seq);
      });
      await reload();
    },
    async sync() {
      clearTimeout(retryTimer);
      const { outcome, answered } = await drainOutbox(api, reloadSoon);
      await reload();
      if (answered > 0) update({ online: true });
      if (outcome === 'done') {
        failedAttempts = 0;
        update({ needsSignIn: false });
      } else {
        update(outcome === 'signed-out' ? { needsSignIn: true } : { online: false });
        scheduleRetry();
      }
    },
    async applyPushed(visits) {
      await keepNewer(visits);
      reloadSoon();
    },
    setOnline(online) {
      update({ online });
      if (online) void store.sync();
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(reloadTimer);
      listeners.clear();
    },
  };
  return store;
}
