import type { Kysely } from 'kysely';

/**
 * Released: never edit. The ward's phone number for families (issue 13), optional, set by the
 * trust admin: the visitor's pages give it when a visit is cancelled or has ended. Stored as
 * the admin typed it (tidied), so families see it written as the ward writes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('wards').addColumn('phone', 'text').execute();
}
