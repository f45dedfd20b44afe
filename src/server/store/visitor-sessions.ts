import { sha256 } from '../security/tokens.js';
import type { Db } from './database.js';

export async function createVisitorSession(db: Db, token: string, visitId: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .insertInto('visitor_sessions')
    .values({ token_hash: sha256(token), visit_id: visitId, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), turned_away_at: null })
    .execute();
}

export interface LiveVisitorSession {
  visitId: string;
  expiresAt: string;
  /** SHA-256 of the cookie's token: how the relay names this session. */
  tokenHash: string;
  turnedAway: boolean;
}

/** The visit behind a visitor's cookie, if the session has not expired. */
export async function findLiveVisitorSession(db: Db, token: string, now: Date): Promise<LiveVisitorSession | undefined> {
  const row = await db
    .selectFrom('visitor_sessions')
    .select(['visit_id', 'expires_at', 'token_hash', 'turned_away_at'])
    .where('token_hash', '=', sha256(token))
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row && { visitId: row.visit_id, expiresAt: row.expires_at, tokenHash: row.token_hash, turnedAway: row.turned_away_at !== null };
}

/** The ward turned this visitor away. */
export async function turnAwayVisitorSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('visitor_sessions').set({ turned_away_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
}

/** Whether a cookie's token was ever a visitor session here, expired or not: a stale cookie is not a guess. */
export async function visitorSessionEverIssued(db: Db, token: string): Promise<boolean> {
  return (await db.selectFrom('visitor_sessions').select('visit_id').where('token_hash', '=', sha256(token)).executeTakeFirst()) !== undefined;
}
