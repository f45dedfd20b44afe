import type { Db } from './database.js';

/**
 * A call's media interruptions, as the ward tablet reports them through the relay. Only a
 * visit in progress is touched, and each update is conditional, so a repeated report (a
 * reconnecting socket sending again) counts once.
 */

/** Media stopped: opens an interruption unless one is already open. */
export async function recordInterruption(db: Db, wardId: string, visitId: string, now: Date): Promise<void> {
  await db
    .updateTable('visits')
    .set({ interrupted_at: now.toISOString() })
    .where('ward_id', '=', wardId)
    .where('id', '=', visitId)
    .where('status', '=', 'in-progress')
    .where('interrupted_at', 'is', null)
    .execute();
}

/**
 * Closes the open interruption and adds its length to the outage: media came back (one more
 * reconnection), or the visit is ending while it was still gone (`reconnected` false).
 */
export async function closeInterruption(db: Db, wardId: string, visitId: string, now: Date, reconnected: boolean): Promise<boolean> {
  const open = await db
    .selectFrom('visits')
    .select(['interrupted_at'])
    .where('ward_id', '=', wardId)
    .where('id', '=', visitId)
    .where('status', '=', 'in-progress')
    .executeTakeFirst();
  if (!open?.interrupted_at) return false;
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(open.interrupted_at)) / 1000));
  const result = await db
    .updateTable('visits')
    .set((eb) => ({ reconnections: eb('reconnections', '+', reconnected ? 1 : 0), outage_seconds: eb('outage_seconds', '+', seconds), interrupted_at: null }))
    .where('id', '=', visitId)
    .where('interrupted_at', '=', open.interrupted_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
