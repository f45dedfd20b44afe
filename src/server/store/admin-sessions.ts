import { ADMIN_IDLE_MINUTES, ADMIN_SESSION_MAX_HOURS } from '../../shared/index.js';
import { sha256 } from '../security/tokens.js';
import type { Db } from './database.js';

const MINUTE_MS = 60_000;
/** Between the password and the second factor: time to open the app and type a code. */
const PENDING_MINUTES = 10;
/**
 * How stale "last seen" may get before a request writes it again: idle time is measured to
 * the minute, and reading reports must not write on every request.
 */
const TOUCH_AFTER_MS = 60_000;

export interface AdminSession {
  tokenHash: string;
  adminId: string;
  email: string;
  verified: boolean;
  expiresAt: string;
}

/** A session after the password; it reaches only the second-factor step until verified. */
export async function createPendingAdminSession(db: Db, token: string, adminId: string, now: Date): Promise<void> {
  await db
    .insertInto('admin_sessions')
    .values({
      token_hash: sha256(token),
      admin_id: adminId,
      verified_at: null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + PENDING_MINUTES * MINUTE_MS).toISOString(),
      ended_at: null,
    })
    .execute();
}

/**
 * The second factor given: the session now lasts ADMIN_SESSION_MAX_HOURS at most, from now,
 * under a new token, so a cookie from before the second factor (seen, or planted) is worth
 * nothing after it.
 */
export async function verifyAdminSession(db: Db, tokenHash: string, newToken: string, now: Date): Promise<string> {
  const expiresAt = new Date(now.getTime() + ADMIN_SESSION_MAX_HOURS * 60 * MINUTE_MS).toISOString();
  await db
    .updateTable('admin_sessions')
    .set({ token_hash: sha256(newToken), verified_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
  return expiresAt;
}

/** The live session behind a cookie: not ended, not past its end, not idle too long. */
export async function findLiveAdminSession(db: Db, token: string, now: Date): Promise<AdminSession | undefined> {
  const idleSince = new Date(now.getTime() - ADMIN_IDLE_MINUTES * MINUTE_MS).toISOString();
  const row = await db
    .selectFrom('admin_sessions')
    .innerJoin('admins', 'admins.id', 'admin_sessions.admin_id')
    .select(['admin_sessions.token_hash', 'admin_sessions.admin_id', 'admins.email', 'admin_sessions.verified_at', 'admin_sessions.expires_at', 'admin_sessions.last_seen_at'])
    .where('admin_sessions.token_hash', '=', sha256(token))
    .where('admin_sessions.ended_at', 'is', null)
    .where('admin_sessions.expires_at', '>', now.toISOString())
    .where('admin_sessions.last_seen_at', '>', idleSince)
    .executeTakeFirst();
  if (!row) return undefined;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_AFTER_MS) {
    await db.updateTable('admin_sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', row.token_hash).execute();
  }
  return { tokenHash: row.token_hash, adminId: row.admin_id, email: row.email, verified: row.verified_at !== null, expiresAt: row.expires_at };
}

export async function endAdminSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('admin_sessions').set({ ended_at: now.toISOString() }).where('token_hash', '=', tokenHash).where('ended_at', 'is', null).execute();
}

/** After a password change: every other session of the admin ends. */
export async function endOtherAdminSessions(db: Db, adminId: string, keepTokenHash: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('admin_sessions')
    .set({ ended_at: now.toISOString() })
    .where('admin_id', '=', adminId)
    .where('token_hash', '!=', keepTokenHash)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
