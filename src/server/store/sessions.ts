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
