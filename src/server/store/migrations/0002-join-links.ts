import type { Kysely } from 'kysely';

/**
 * Released: never edit. The SHA-256 of a visit's join link token, written when the link is
 * first made; the token itself is never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('visits').addColumn('join_token_hash', 'text').execute();
  await db.schema.createIndex('visits_join_token_hash').unique().on('visits').column('join_token_hash').execute();
}
