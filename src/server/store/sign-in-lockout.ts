import { randomUUID } from 'node:crypto';
import { LOCKOUT_WINDOW_MINUTES, WARD_CODE_MAX_TRIES, WARD_DEVICE_DAYS } from '../../shared/index.js';
import { sha256 } from '../security/tokens.js';
import { forUpdate, type Db } from './database.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export type WardTry = { tryId: string } | { lockedUntil: Date };

/**
 * Takes one try at a ward's PIN before the slow hash, counted as wrong until `forgiveWardTry`
 * undoes it. One transaction that takes the ward's row lock before counting, so a burst of
 * parallel guesses cannot pass the limit, on SQLite (whose writers take turns anyway) and on
 * PostgreSQL (whose READ COMMITTED would otherwise let two tries count the same rows and both
 * insert): once WARD_CODE_MAX_TRIES are in the window, every further try is
 * refused unchecked, right PIN or not, until the oldest leaves the window. A tablet the ward
 * already uses (`knownDevice`) is counted but never refused here: the per-address limits
 * still hold for it. Kept in the database, so every server node shares the count.
 */
export async function reserveWardTry(db: Db, wardId: string, now: Date, knownDevice: boolean): Promise<WardTry> {
  const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_MINUTES * MINUTE_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    if (!knownDevice) {
      // Only tries for this ward wait on each other; a counter row would do the same, but the
      // ward's own row is already there for every ward that can be tried.
      await forUpdate(trx, trx.selectFrom('wards').select('id').where('id', '=', wardId)).execute();
      const tries = await trx
        .selectFrom('ward_sign_in_tries')
        .select('tried_at')
        .where('ward_id', '=', wardId)
        .where('tried_at', '>', windowStart)
        .orderBy('tried_at', 'desc')
        .limit(WARD_CODE_MAX_TRIES)
        .execute();
      if (tries.length >= WARD_CODE_MAX_TRIES) {
        return { lockedUntil: new Date(Date.parse(tries[tries.length - 1]!.tried_at) + LOCKOUT_WINDOW_MINUTES * MINUTE_MS) };
      }
    }
    const tryId = randomUUID();
    await trx.insertInto('ward_sign_in_tries').values({ id: tryId, ward_id: wardId, tried_at: now.toISOString() }).execute();
    return { tryId };
  });
}

/** The PIN was right: that try was not a wrong one. */
export async function forgiveWardTry(db: Db, tryId: string): Promise<void> {
  await db.deleteFrom('ward_sign_in_tries').where('id', '=', tryId).execute();
}

/** Tries past the window count for nothing; the retention job deletes them. */
export async function deleteWardTriesBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('ward_sign_in_tries').where('tried_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Whether a device credential is live for this ward. */
export async function isKnownDevice(db: Db, token: string | undefined, wardId: string, now: Date): Promise<boolean> {
  if (!token) return false;
  const row = await db
    .selectFrom('ward_devices')
    .select('ward_id')
    .where('token_hash', '=', sha256(token))
    .where('ward_id', '=', wardId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

/** Remembers a tablet for the ward for WARD_DEVICE_DAYS from now (a sign-in on a known one renews it). */
export async function rememberDevice(db: Db, token: string, wardId: string, now: Date): Promise<Date> {
  const expiresAt = new Date(now.getTime() + WARD_DEVICE_DAYS * DAY_MS);
  const values = { ward_id: wardId, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), revoked_at: null };
  // One upsert, not delete-then-insert: two sign-ins of one tablet at once (a double tap) on
  // PostgreSQL would both delete nothing and the second insert would break the primary key.
  await db
    .insertInto('ward_devices')
    .values({ token_hash: sha256(token), ...values })
    .onConflict((oc) => oc.column('token_hash').doUpdateSet(values))
    .execute();
  return expiresAt;
}

/** Devices past their time or revoked long ago hold nothing worth keeping. */
export async function deleteDevicesOverBefore(db: Db, before: Date): Promise<number> {
  const at = before.toISOString();
  const result = await db
    .deleteFrom('ward_devices')
    .where((eb) => eb.or([eb('expires_at', '<', at), eb('revoked_at', '<', at)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
