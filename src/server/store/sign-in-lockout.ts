import { randomUUID } from 'node:crypto';
import { LOCKOUT_MAX_FAILURES, LOCKOUT_MINUTES, LOCKOUT_WINDOW_MINUTES } from '../../shared/index.js';
import type { Db } from './database.js';

const MINUTE_MS = 60_000;

/**
 * Wrong PINs are counted per ward code (known or not, so codes cannot be discovered). Kept in
 * the database so a restart or a second server node does not reset the count.
 */
export async function lockedUntil(db: Db, wardCode: string, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('ward_lockouts')
    .select('locked_until')
    .where('ward_code', '=', wardCode)
    .where('locked_until', '>', now.toISOString())
    .executeTakeFirst();
  return row ? new Date(row.locked_until) : null;
}

/** Records a wrong PIN; answers the time the code is locked until, if this failure locked it. */
export async function recordFailure(db: Db, wardCode: string, now: Date): Promise<Date | null> {
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('sign_in_failures').values({ id: randomUUID(), ward_code: wardCode, failed_at: now.toISOString() }).execute();
    const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_MINUTES * MINUTE_MS).toISOString();
    const { n } = await trx
      .selectFrom('sign_in_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ward_code', '=', wardCode)
      .where('failed_at', '>', windowStart)
      .executeTakeFirstOrThrow();
    if (Number(n) < LOCKOUT_MAX_FAILURES) return null;
    const until = new Date(now.getTime() + LOCKOUT_MINUTES * MINUTE_MS);
    await trx.deleteFrom('ward_lockouts').where('ward_code', '=', wardCode).execute();
    await trx.insertInto('ward_lockouts').values({ ward_code: wardCode, locked_until: until.toISOString() }).execute();
    // The lock starts a fresh count: after it ends, five more wrong PINs are needed to lock again.
    await trx.deleteFrom('sign_in_failures').where('ward_code', '=', wardCode).execute();
    return until;
  });
}

export async function clearFailures(db: Db, wardCode: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('ward_code', '=', wardCode).execute();
}
