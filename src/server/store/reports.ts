import type { FeedbackTotal, ReportVisit } from '../reports/index.js';
import type { Db } from './database.js';

/**
 * What reports read. Only counts, times and statuses: no query here selects a patient's or
 * visitor's name, bed, number, email or a cancel reason, so an admin never receives them.
 */

/** Which wards a report covers. */
export type ReportScope = { kind: 'all' } | { kind: 'hospital'; hospitalId: string } | { kind: 'ward'; wardId: string };

export type ScopeLookup = { found: true; scope: ReportScope; name: string } | { found: false; missing: 'hospital' | 'ward' };

export const ALL_WARDS = 'All wards';

/**
 * The scope of a report's query, and its name in words. A ward that is not in the hospital
 * asked for is as unknown as one that does not exist. Archived wards are found: their
 * past visits still count.
 */
export async function findReportScope(db: Db, ids: { hospitalId?: string | undefined; wardId?: string | undefined }): Promise<ScopeLookup> {
  if (ids.wardId !== undefined) {
    let query = db
      .selectFrom('wards')
      .innerJoin('hospitals', 'hospitals.id', 'wards.hospital_id')
      .select(['wards.name as wardName', 'hospitals.name as hospitalName'])
      .where('wards.id', '=', ids.wardId);
    if (ids.hospitalId !== undefined) query = query.where('wards.hospital_id', '=', ids.hospitalId);
    const ward = await query.executeTakeFirst();
    if (!ward) return { found: false, missing: 'ward' };
    return { found: true, scope: { kind: 'ward', wardId: ids.wardId }, name: `${ward.wardName}, ${ward.hospitalName}` };
  }
  if (ids.hospitalId !== undefined) {
    const hospital = await db.selectFrom('hospitals').select('name').where('id', '=', ids.hospitalId).executeTakeFirst();
    if (!hospital) return { found: false, missing: 'hospital' };
    return { found: true, scope: { kind: 'hospital', hospitalId: ids.hospitalId }, name: hospital.name };
  }
  return { found: true, scope: { kind: 'all' }, name: ALL_WARDS };
}

/** Visits of the scope whose slot starts at or after `start` and before `end`. */
export async function reportVisits(db: Db, scope: ReportScope, start: Date, end: Date): Promise<ReportVisit[]> {
  let query = db
    .selectFrom('visits')
    .select(['ward_id', 'status', 'starts_at', 'connected_at', 'ended_at', 'reconnections', 'outage_seconds'])
    // Instants are stored as ISO 8601 UTC text (schema.ts), which sorts as time does.
    .where('starts_at', '>=', start.toISOString())
    .where('starts_at', '<', end.toISOString());
  if (scope.kind === 'ward') query = query.where('ward_id', '=', scope.wardId);
  if (scope.kind === 'hospital') {
    query = query.where('ward_id', 'in', (eb) => eb.selectFrom('wards').select('wards.id').where('wards.hospital_id', '=', scope.hospitalId));
  }
  const rows = await query.execute();
  // PostgreSQL may answer integers as strings; reports add them up.
  return rows.map((row) => ({ ...row, reconnections: Number(row.reconnections), outage_seconds: Number(row.outage_seconds) }));
}

/** Feedback answers of the scope's wards over hospital-local days `fromDay` to `toDay`, both included. */
export async function reportFeedback(db: Db, scope: ReportScope, fromDay: string, toDay: string): Promise<FeedbackTotal[]> {
  let query = db
    .selectFrom('feedback_counts')
    .select((eb) => ['answer', eb.fn.sum<number | string>('count').as('count')])
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .groupBy('answer');
  if (scope.kind === 'ward') query = query.where('ward_id', '=', scope.wardId);
  if (scope.kind === 'hospital') {
    query = query.where('ward_id', 'in', (eb) => eb.selectFrom('wards').select('wards.id').where('wards.hospital_id', '=', scope.hospitalId));
  }
  const rows = await query.execute();
  return rows.map((row) => ({ answer: row.answer, count: Number(row.count) }));
}
