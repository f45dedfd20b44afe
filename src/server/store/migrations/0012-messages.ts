import type { Kysely } from 'kysely';

/**
 * Released: never edit. The outbox of visitors' texts and emails (issue 14). A row is written
 * in the same transaction as the change that causes it, and the sending job claims it with a
 * lease. `recipient` is personal data: the retention job nulls it on the visit's clock. What a
 * message says (names, link) is built when it is sent and never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('messages')
    // Also the message's `reference` at Notify: how a send whose answer was lost is found again.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ward_id', 'text', (c) => c.notNull().references('wards.id'))
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    // 1 from just before a send until its outcome is known: Notify may hold it already.
    .addColumn('in_doubt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('notify_id', 'text')
    .addColumn('failure_reason', 'text')
    // "Send the link again": its key, so a double tap sends once and resends can be counted.
    .addColumn('resend_key', 'text')
    // A repeat booking is confirmed once, by its first day's message, for this many days.
    .addColumn('covers_days', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_due').on('messages').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('messages_by_visit').on('messages').columns(['visit_id', 'created_at']).execute();
  // One message per contact per "Send the link again": a resend's key can then never send
  // twice, however many nodes take the same tap at once. Rows without a key (null) are not
  // compared, in SQLite and PostgreSQL alike.
  await db.schema.createIndex('messages_one_per_resend').unique().on('messages').columns(['visit_id', 'resend_key', 'channel']).execute();
}
