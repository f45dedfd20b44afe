import { sql, SqliteAdapter, type ExpressionBuilder } from 'kysely';
import type { Db } from './database.js';
import { clearRecipients } from './messages.js';
import type { Database } from './schema.js';

/**
 * The writes of the personal-data retention job (jobs/retention.ts). Every statement is
 * conditional on there still being something to clear or delete, so several server nodes may
 * run the job at once: each row is cleared once, and a repeated run changes nothing.
 */

/**
 * Everything a person typed about a patient or visitor. The cancel reason is free text a nurse
 * types ("Mum moved to the hospice"), so it goes too. Status, times, length, reconnections,
 * outage and feedback counters stay: reports need only counts and durations.
 */
const PERSONAL_FIELDS = ['patient_name', 'bed', 'visitor_name', 'visitor_mobile', 'visitor_email', 'cancel_reason'] as const;

const CLEARED = Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, null])) as Record<(typeof PERSONAL_FIELDS)[number], null>;

/** Keeps each `IN (…)` list well under SQLite's and PostgreSQL's limits on bound values. */
const CLEAR_BATCH_SIZE = 500;

function holdsPersonalData(eb: ExpressionBuilder<Database, 'visits'>) {
  return eb.or(PERSONAL_FIELDS.map((field) => eb(field, 'is not', null)));
}

/**
 * Visits still holding personal data that may be due: any that changed, ended or started
 * before the cutoff. That covers every due one (a due visit ended, was last changed, or had
 * its slot end before the cutoff, and a slot ends after it starts); jobs/retention-rules.ts
 * decides which are. Slot ends are computed there, as in markMissedVisits, so the query stays
 * portable between SQLite and PostgreSQL.
 */
export async function findVisitsHoldingPersonalData(db: Db, before: Date) {
  const at = before.toISOString();
  return db
    .selectFrom('visits')
    .select(['id', 'status', 'starts_at', 'length_minutes', 'ended_at', 'updated_at'])
    .where(holdsPersonalData)
    .where((eb) => eb.or([eb('updated_at', '<', at), eb('ended_at', '<', at), eb('starts_at', '<', at)]))
    .execute();
}

/**
 * Nulls the personal fields of these visits, and the numbers and addresses their messages
 * went to (store/messages.ts), together; answers how many visits this call changed. The
 * version and updated_at are left alone: the ward made no change, and a tablet's list merge
 * takes the server's copy at an equal version anyway, so its next refresh drops the names too.
 */
export async function clearPersonalData(db: Db, ids: readonly string[], now: Date): Promise<number> {
  let cleared = 0;
  for (let start = 0; start < ids.length; start += CLEAR_BATCH_SIZE) {
    const batch = ids.slice(start, start + CLEAR_BATCH_SIZE);
    cleared += await db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('visits').set(CLEARED).where('id', 'in', batch).where(holdsPersonalData).executeTakeFirst();
      await clearRecipients(trx, batch, now);
      return Number(result.numUpdatedRows);
    });
  }
  return cleared;
}

/**
 * Stored command answers hold whole visits, personal fields included, so they go with the
 * visits. A tablet replaying such an old command is then decided afresh; see the note on
 * TAKEN_IDS in commands/run-command.ts for what it is answered.
 */
export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ward, visitor and admin sessions hold no personal data; ones long over are deleted only to keep the tables small. */
export async function deleteSessionsOverBefore(db: Db, before: Date): Promise<number> {
  const at = before.toISOString();
  const wards = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', at), eb('ended_at', '<', at)]))
    .executeTakeFirst();
  const visitors = await db.deleteFrom('visitor_sessions').where('expires_at', '<', at).executeTakeFirst();
  const admins = await db
    .deleteFrom('admin_sessions')
    .where((eb) => eb.or([eb('expires_at', '<', at), eb('ended_at', '<', at)]))
    .executeTakeFirst();
  return Number(wards.numDeletedRows) + Number(visitors.numDeletedRows) + Number(admins.numDeletedRows);
}

/**
 * Makes cleared and deleted rows gone from disk too. SQLite's write-ahead log keeps the pages
 * as they were before the clearing, and a passive checkpoint reuses the log without erasing
 * it, so old names could sit in the -wal file indefinitely on a quiet server. A TRUNCATE
 * checkpoint copies the cleaned pages into the database file (zeroed there by secure_delete,
 * see database.ts) and empties the log. PostgreSQL reclaims old row versions by autovacuum.
 */
export async function eraseClearedPages(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`pragma wal_checkpoint(truncate)`.execute(db);
}
