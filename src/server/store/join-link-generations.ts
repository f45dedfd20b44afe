import { forUpdate, type Db } from './database.js';

/** The link generation of one of the ward's visits; undefined for another ward's or an unknown visit. */
export async function linkGeneration(db: Db, wardId: string, visitId: string): Promise<number | undefined> {
  const row = await db.selectFrom('visits').select('link_generation').where('ward_id', '=', wardId).where('id', '=', visitId).executeTakeFirst();
  return row === undefined ? undefined : Number(row.link_generation);
}

/**
 * Replaces a visit's link: the next generation's token hash, and every visitor session the old
 * link opened ended, in one transaction. Answers the new generation.
 */
export async function replaceJoinLink(db: Db, visitId: string, tokenHashFor: (generation: number) => string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Locked on PostgreSQL, so two replacements at once make two generations, not one twice.
    const { link_generation } = await forUpdate(trx, trx.selectFrom('visits').select('link_generation').where('id', '=', visitId)).executeTakeFirstOrThrow();
    const generation = Number(link_generation) + 1;
    await trx.updateTable('visits').set({ link_generation: generation, join_token_hash: tokenHashFor(generation) }).where('id', '=', visitId).execute();
    await trx.deleteFrom('visitor_sessions').where('visit_id', '=', visitId).execute();
    return generation;
  });
}
