import { FEEDBACK_ANSWERS, type FeedbackAnswer, type FeedbackCount, type VisitStatus } from '../../shared/index.js';
import type { Db } from './database.js';

/** Just what deciding on feedback needs from the visit behind a link: no personal data. */
export interface FeedbackTarget {
  visitId: string;
  wardId: string;
  status: VisitStatus;
  startsAt: string;
  connectedAt: string | null;
  endedAt: string | null;
}

export async function findFeedbackTarget(db: Db, visitId: string): Promise<FeedbackTarget | undefined> {
  const row = await db
    .selectFrom('visits')
    .select(['id', 'ward_id', 'status', 'starts_at', 'connected_at', 'ended_at'])
    .where('id', '=', visitId)
    .executeTakeFirst();
  return (
    row && {
      visitId: row.id,
      wardId: row.ward_id,
      status: row.status as VisitStatus,
      startsAt: row.starts_at,
      connectedAt: row.connected_at,
      endedAt: row.ended_at,
    }
  );
}

/**
 * Adds one answer to the ward's count for the day, if the visit has given fewer than
 * `maxPerVisit`. The visit keeps only how many it has given, and the visit's own version is
 * not bumped: nothing a tablet shows has changed. One transaction, and a conditional update,
 * so answers sent at once cannot pass the limit. False when the visit has none left.
 */
export async function recordFeedback(
  db: Db,
  target: { visitId: string; wardId: string; day: string },
  answer: FeedbackAnswer,
  maxPerVisit: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .updateTable('visits')
      .set((eb) => ({ feedback_given: eb('feedback_given', '+', 1) }))
      .where('id', '=', target.visitId)
      .where('feedback_given', '<', maxPerVisit)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) return false;
    await trx
      .insertInto('feedback_counts')
      .values({ ward_id: target.wardId, day: target.day, answer, count: 1 })
      .onConflict((oc) => oc.columns(['ward_id', 'day', 'answer']).doUpdateSet((eb) => ({ count: eb('feedback_counts.count', '+', 1) })))
      .execute();
    return true;
  });
}

/**
 * A ward's counts for hospital-local days from `fromDay` to `toDay` (YYYY-MM-DD, inclusive),
 * by day, then in the question's own order (best first).
 */
export async function feedbackCounts(db: Db, wardId: string, fromDay: string, toDay: string): Promise<FeedbackCount[]> {
  const rows = await db
    .selectFrom('feedback_counts')
    .select(['day', 'answer', 'count'])
    .where('ward_id', '=', wardId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .execute();
  const rank = (answer: string) => FEEDBACK_ANSWERS.indexOf(answer as FeedbackAnswer);
  return rows
    .map((row) => ({ day: row.day, answer: row.answer as FeedbackAnswer, count: Number(row.count) }))
    .sort((a, b) => a.day.localeCompare(b.day) || rank(a.answer) - rank(b.answer));
}
