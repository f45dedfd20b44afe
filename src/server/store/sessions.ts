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

/**
 * Sessions that stopped working in (since, until]: ended (sign-out, revocation, from any
 * server node or the command line) or expired. By token hash, which is all the relay needs.
 */
export async function sessionsStoppedBetween(db: Db, since: Date, until: Date): Promise<string[]> {
  const [from, to] = [since.toISOString(), until.toISOString()];
  const rows = await db
    .selectFrom('sessions')
    .select('token_hash')
    .where((eb) =>
      eb.or([
        eb.and([eb('ended_at', '>', from), eb('ended_at', '<=', to)]),
        eb.and([eb('expires_at', '>', from), eb('expires_at', '<=', to)]),
      ]),
    )
    .execute();
  return rows.map((row) => row.token_hash);
}

/** Ends every live session of a ward (a lost or stolen tablet); answers how many. */
export async function endWardSessions(db: Db, wardId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: now.toISOString() })
    .where('ward_id', '=', wardId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
