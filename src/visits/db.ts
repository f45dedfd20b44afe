import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import type { SessionInfo, Visit } from '../shared/index.js';
import { mergePushed } from './local-view.js';
import type { OutboxEntry } from './outbox.js';

/** The one offline copy of the ward's data on this device. This file is the only idb importer. */
export interface WardDbSchema extends DBSchema {
  visits: { key: string; value: Visit; indexes: { byStart: string } };
  outbox: { key: number; value: OutboxEntry; indexes: { byKey: string } };
  meta: { key: string; value: unknown };
}

export type WardDb = IDBPDatabase<WardDbSchema>;

export const DB_NAME = 'ward-visits';

/**
 * Numbered upgrade steps: step N takes the database from version N-1 to N. A released step is
 * never edited; a new one is appended.
 */
const UPGRADES: ((db: IDBPDatabase<WardDbSchema>) => void)[] = [
  (db) => {
    db.createObjectStore('visits', { keyPath: 'id' }).createIndex('byStart', 'startsAt');
    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('byKey', 'command.key', { unique: true });
    db.createObjectStore('meta');
  },
];

/** Keys of the meta store, typed where they are read. */
export const META = {
  session: 'session',
  lastUpdated: 'lastUpdated',
  unlockVerifier: 'unlockVerifier',
} as const;

export interface StoredMeta {
  session: SessionInfo;
  lastUpdated: string;
}

let opening: Promise<WardDb> | null = null;

function open(): Promise<WardDb> {
  opening ??= openDB<WardDbSchema>(DB_NAME, UPGRADES.length, {
    upgrade(db, oldVersion) {
      for (let step = oldVersion; step < UPGRADES.length; step++) UPGRADES[step]!(db);
    },
    // Another tab (or a new version of the app) needs the database: let go so it can upgrade.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
    // The browser closed the connection (storage pressure, the user clearing data): reopen next time.
    terminated() {
      opening = null;
    },
  });
  return opening;
}

function isDroppedConnection(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'InvalidStateError' || error.name === 'TransactionInactiveError');
}

/**
 * Runs an operation on the database; when the browser has dropped the connection it reopens
 * it and tries once more (Safari and Chromium close idle connections under pressure).
 */
export async function withDb<T>(operation: (db: WardDb) => Promise<T>): Promise<T> {
  try {
    return await operation(await open());
  } catch (error) {
    if (!isDroppedConnection(error)) throw error;
    opening = null;
    return operation(await open());
  }
}

/** Sign-out: every ward record on the device goes, the outbox included. */
export async function deleteWardData(): Promise<void> {
  const db = await opening?.catch(() => null);
  db?.close();
  opening = null;
  await deleteDB(DB_NAME);
}

type VisitsStore = IDBPObjectStore<WardDbSchema, ArrayLike<'visits' | 'outbox' | 'meta'>, 'visits', 'readwrite'>;

/** Within a transaction: stores the server's visits where they are newer than the device's copy. */
export async function putNewerVisits(store: VisitsStore, visits: readonly Visit[]): Promise<void> {
  const held = await Promise.all(visits.map((v) => store.get(v.id)));
  for (const visit of mergePushed(held.filter((v) => v !== undefined), visits)) await store.put(visit);
}
