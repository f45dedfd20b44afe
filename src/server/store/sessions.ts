import { sha256 } from '../security/tokens.js';
import type { Db } from './database.js';

export async function createSession(db: Db, token: string, wardId: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      ward_id: wardId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      ended_at: null,
    })
    .execute();
}

export interface LiveSession {
  wardId: string;
  expiresAt: string;
}

/** The session behind a cookie's token, if it has not expired or been ended. */
export async function findLiveSession(db: Db, token: string, now: Date): Promise<LiveSession | undefined> {
  return db
    .selectFrom('sessions')
    .select(['ward_id as wardId', 'expires_at as expiresAt'])
    .where('token_hash', '=', sha256(token))
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

export async function endSession(db: Db, token: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: now.toISOString() })
    .where('token_hash', '=', sha256(token))
    .where('ended_at', 'is', null)
    .execute();
}

/** Sessions ended (sign-out, revocation, from any node or the command line) after `since`, by token hash, with when. */
export async function sessionsEndedAfter(db: Db, since: Date): Promise<{ tokenHash: string; endedAt: string }[]> {
  return db
    .selectFrom('sessions')
    .select(['token_hash as tokenHash', 'ended_at as endedAt'])
    .where('ended_at', '>', since.toISOString())
    .$narrowType<{ endedAt: string }>()
    .execute();
}

/** Sessions whose shift ran out in (since, until], by token hash. */
export async function sessionsExpiredBetween(db: Db, since: Date, until: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('sessions')
    .select('token_hash')
    .where('expires_at', '>', since.toISOString())
    .where('expires_at', '<=', until.toISOString())
    .execute();
  return rows.map((row) => row.token_hash);
}

/**
 * Ends every session of a ward not yet ended, and forgets its tablets as known devices (a lost
 * or stolen tablet, a PIN reset, an archived ward); answers how many sessions ended.
 */
export async function endWardSessions(db: Db, wardId: string, now: Date): Promise<number> {
  await db.updateTable('ward_devices').set({ revoked_at: now.toISOString() }).where('ward_id', '=', wardId).where('revoked_at', 'is', null).execute();
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: now.toISOString() })
    .where('ward_id', '=', wardId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Whether a cookie's token was ever a session here, live or not: a stale cookie is not a guess. */
export async function sessionEverIssued(db: Db, token: string): Promise<boolean> {
  return (await db.selectFrom('sessions').select('ward_id').where('token_hash', '=', sha256(token)).executeTakeFirst()) !== undefined;
}
