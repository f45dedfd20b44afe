import type { Kysely } from 'kysely';

/**
 * Released: never edit. A visitor the ward turned away cannot come back without the ward's
 * say: their session is marked, and the same browser opening the link again is refused. (A
 * stranger who clears their cookies is stopped by "Make a new link".)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('visitor_sessions').addColumn('turned_away_at', 'text').execute();
}
