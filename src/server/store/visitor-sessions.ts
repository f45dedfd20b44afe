import { sha256 } from '../security/tokens.js';
import type { Db } from './database.js';

export async function createVisitorSession(db: Db, token: string, visitId: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .insertInto('visitor_sessions')
    .values({ token_hash: sha256(token), visit_id: visitId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
}

export interface LiveVisitorSession {
  visitId: string;
  expiresAt: string;
}

/** The visit behind a visitor's cookie, if the session has not expired. */
export async function findLiveVisitorSession(db: Db, token: string, now: Date): Promise<LiveVisitorSession | undefined> {
  return db
    .selectFrom('visitor_sessions')
    .select(['visit_id as visitId', 'expires_at as expiresAt'])
    .where('token_hash', '=', sha256(token))
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

/** Whether a cookie's token was ever a visitor session here, expired or not: a stale cookie is not a guess. */
export async function visitorSessionEverIssued(db: Db, token: string): Promise<boolean> {
  return (await db.selectFrom('visitor_sessions').select('visit_id').where('token_hash', '=', sha256(token)).executeTakeFirst()) !== undefined;
}
