import type { Kysely } from 'kysely';

/**
 * Released: never edit. A visitor's page exchanges its link's token for one of these on first
 * load, so the token leaves the address bar (and history, and screenshots). Like ward
 * sessions, only the hash of the cookie's token is kept, and nothing personal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('visitor_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visitor_sessions_expires_at').on('visitor_sessions').column('expires_at').execute();
}
