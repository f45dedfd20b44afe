import type { Kysely } from 'kysely';

/**
 * Released: never edit. A visit's join link can be replaced ("Make a new link", issue 12): the
 * token is an HMAC of the visit id and this generation, so a new generation makes a new token
 * and the old one stops matching. Generation 0 is the token links had before, so links already
 * sent keep working.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('visits').addColumn('link_generation', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
