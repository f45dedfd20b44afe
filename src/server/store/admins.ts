import { randomUUID } from 'node:crypto';
import { ADMIN_SETUP_LINK_HOURS } from '../../shared/index.js';
import type { Db } from './database.js';

const HOUR_MS = 3_600_000;

export interface AdminRecord {
  id: string;
  email: string;
  passwordHash: string | null;
  totpSecret: string | null;
  totpConfirmed: boolean;
  createdAt: string;
}

const COLUMNS = ['id', 'email', 'password_hash', 'totp_secret', 'totp_confirmed_at', 'created_at'] as const;

function toRecord(row: { id: string; email: string; password_hash: string | null; totp_secret: string | null; totp_confirmed_at: string | null; created_at: string }): AdminRecord {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpConfirmed: row.totp_confirmed_at !== null,
    createdAt: row.created_at,
  };
}

export async function findAdminByEmail(db: Db, email: string): Promise<AdminRecord | undefined> {
  const row = await db.selectFrom('admins').select(COLUMNS).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return row && toRecord(row);
}

export async function findAdminById(db: Db, id: string): Promise<AdminRecord | undefined> {
  const row = await db.selectFrom('admins').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function listAdmins(db: Db): Promise<AdminRecord[]> {
  return (await db.selectFrom('admins').select(COLUMNS).orderBy('email').execute()).map(toRecord);
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db.selectFrom('admins').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An admin is active once they have a password and a confirmed authenticator app. */
export const isActive = (admin: AdminRecord) => admin.passwordHash !== null && admin.totpConfirmed;

/** A new admin with no password yet, or the existing one of that email. */
export async function findOrCreateAdmin(db: Db, email: string, now: Date): Promise<{ admin: AdminRecord; created: boolean }> {
  const existing = await findAdminByEmail(db, email);
  if (existing) return { admin: existing, created: false };
  const row = { id: randomUUID(), email: email.trim().toLowerCase(), password_hash: null, totp_secret: null, totp_confirmed_at: null, totp_last_step: 0, created_at: now.toISOString() };
  // Two nodes (or two IT staff) adding the same email at once: one row, and the other finds it.
  const inserted = await db.insertInto('admins').values(row).onConflict((conflict) => conflict.column('email').doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { admin: (await findAdminByEmail(db, email))!, created: false };
  return { admin: toRecord(row), created: true };
}

/** A one-time set-up link's token hash for an admin; any earlier unused link of theirs stops working. Run it in a transaction. */
export async function createSetupLink(trx: Db, adminId: string, tokenHash: string, now: Date): Promise<Date> {
  const expiresAt = new Date(now.getTime() + ADMIN_SETUP_LINK_HOURS * HOUR_MS);
  await trx.updateTable('admin_setup_links').set({ used_at: now.toISOString() }).where('admin_id', '=', adminId).where('used_at', 'is', null).execute();
  await trx.insertInto('admin_setup_links').values({ token_hash: tokenHash, admin_id: adminId, expires_at: expiresAt.toISOString(), used_at: null }).execute();
  return expiresAt;
}

/**
 * Uses a set-up link once: sets the password and clears any authenticator app and recovery
 * codes (a set-up link is also how IT helps an admin who lost their phone), and ends the
 * admin's sessions. Answers the admin, or undefined if the link is unknown, used or expired.
 */
export async function useSetupLink(db: Db, tokenHash: string, passwordHash: string, now: Date): Promise<AdminRecord | undefined> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const link = await trx
      .updateTable('admin_setup_links')
      .set({ used_at: at })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning('admin_id')
      .executeTakeFirst();
    if (!link) return undefined;
    await trx.updateTable('admins').set({ password_hash: passwordHash, totp_secret: null, totp_confirmed_at: null }).where('id', '=', link.admin_id).execute();
    await trx.deleteFrom('admin_recovery_codes').where('admin_id', '=', link.admin_id).execute();
    await trx.updateTable('admin_sessions').set({ ended_at: at }).where('admin_id', '=', link.admin_id).where('ended_at', 'is', null).execute();
    const row = await trx.selectFrom('admins').select(COLUMNS).where('id', '=', link.admin_id).executeTakeFirstOrThrow();
    return toRecord(row);
  });
}

/** The admin an unused, unexpired set-up link is for. */
export async function findAdminBehindSetupLink(db: Db, tokenHash: string, now: Date): Promise<{ id: string; email: string } | undefined> {
  return db
    .selectFrom('admin_setup_links')
    .innerJoin('admins', 'admins.id', 'admin_setup_links.admin_id')
    .select(['admins.id', 'admins.email'])
    .where('admin_setup_links.token_hash', '=', tokenHash)
    .where('admin_setup_links.used_at', 'is', null)
    .where('admin_setup_links.expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

export async function setPasswordHash(db: Db, adminId: string, passwordHash: string): Promise<void> {
  await db.updateTable('admins').set({ password_hash: passwordHash }).where('id', '=', adminId).execute();
}

/** The secret shown at the first sign-in; it counts only once a code from it is given. */
export async function setPendingTotpSecret(db: Db, adminId: string, secret: string): Promise<void> {
  await db.updateTable('admins').set({ totp_secret: secret }).where('id', '=', adminId).where('totp_confirmed_at', 'is', null).execute();
}

/**
 * Accepts an authenticator time step once: false if this step (or a later one) was used
 * already, so a code seen over a shoulder cannot be replayed. A conditional update, so two
 * requests with one code cannot both pass. Confirms the app at its first code.
 */
export async function acceptTotpStep(db: Db, adminId: string, step: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('admins')
    .set((eb) => ({ totp_last_step: step, totp_confirmed_at: eb.fn.coalesce('totp_confirmed_at', eb.val(now.toISOString())) }))
    .where('id', '=', adminId)
    .where('totp_last_step', '<', step)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(db: Db, adminId: string, codeHashes: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('admin_recovery_codes').where('admin_id', '=', adminId).execute();
    await trx.insertInto('admin_recovery_codes').values(codeHashes.map((code_hash) => ({ code_hash, admin_id: adminId, used_at: null }))).execute();
  });
}

/** Uses a recovery code once; false if it is not one of the admin's unused codes. */
export async function useRecoveryCode(db: Db, adminId: string, codeHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('admin_recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('admin_id', '=', adminId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
