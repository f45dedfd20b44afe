import { forUpdate, type Db } from './database.js';

const MINUTE_MS = 60_000;
/** Wrong passwords or codes for one email before it is locked at all. */
export const ADMIN_FREE_FAILURES = 5;
/** The lock doubles with each further failure, from 1 minute up to an hour. */
const FIRST_LOCK_MINUTES = 1;
const MAX_LOCK_MINUTES = 60;

function lockMinutes(failures: number): number {
  return Math.min(MAX_LOCK_MINUTES, FIRST_LOCK_MINUTES * 2 ** (failures - ADMIN_FREE_FAILURES));
}

/**
 * Takes one try for an email (known or not) before the slow password hash or the code check,
 * counted as a failure until `clearAdminFailures` undoes it on success. One transaction holding
 * the email's row lock, so a burst of parallel guesses cannot check more than the free tries: the try that uses the last
 * one locks the email, and every try that finds it locked is refused unchecked, right or not.
 * Answers the time the email is locked until, if this try is refused.
 */
export async function reserveAdminTry(db: Db, email: string, now: Date): Promise<Date | null> {
  return db.transaction().execute(async (trx) => {
    // The row is made first (at no failures) so there is always a row to lock: on PostgreSQL
    // two first tries for an email would otherwise both find none and both insert, and two
    // later ones would both read n and both write n + 1. The new row is overwritten below in
    // the same transaction, so nobody ever sees it at zero.
    await trx.insertInto('admin_sign_in_failures').values({ email, failures: 0, locked_until: null, updated_at: now.toISOString() }).onConflict((oc) => oc.column('email').doNothing()).execute();
    const row = await forUpdate(trx, trx.selectFrom('admin_sign_in_failures').selectAll().where('email', '=', email)).executeTakeFirstOrThrow();
    if (row.locked_until && Date.parse(row.locked_until) > now.getTime()) return new Date(row.locked_until);
    const failures = Number(row.failures) + 1;
    const lockedUntil = failures >= ADMIN_FREE_FAILURES ? new Date(now.getTime() + lockMinutes(failures) * MINUTE_MS).toISOString() : null;
    await trx.updateTable('admin_sign_in_failures').set({ failures, locked_until: lockedUntil, updated_at: now.toISOString() }).where('email', '=', email).execute();
    return null;
  });
}

/** A right password or code: the try reserved for it was not a failure, and nor were the earlier ones. */
export async function clearAdminFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('admin_sign_in_failures').where('email', '=', email).execute();
}

/** Failure counts for emails nobody has tried for a day, and no lock: kept no longer than they help. */
export async function deleteStaleAdminFailures(db: Db, before: Date): Promise<void> {
  await db
    .deleteFrom('admin_sign_in_failures')
    .where('updated_at', '<', before.toISOString())
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before.toISOString())]))
    .execute();
}
