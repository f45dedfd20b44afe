import type { Kysely } from 'kysely';

/**
 * Released: never edit. What reports need about a call's network trouble: how many times its
 * media was interrupted and came back, and for how long it was gone in all (so a duration
 * counts time connected). `interrupted_at` is set while an interruption is open.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('visits').addColumn('reconnections', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('visits').addColumn('outage_seconds', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('visits').addColumn('interrupted_at', 'text').execute();
}
