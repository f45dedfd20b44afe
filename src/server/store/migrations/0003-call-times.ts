import type { Kysely } from 'kysely';

/** Released: never edit. What the relay observes of a visit's call, for reports. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['ready_at', 'connected_at', 'ended_at']) {
    await db.schema.alterTable('visits').addColumn(column, 'text').execute();
  }
}
