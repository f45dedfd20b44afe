import type { Selectable } from 'kysely';
import type { Visit, VisitStatus } from '../../shared/index.js';
import { forUpdate, type Db } from './database.js';
import type { VisitsTable } from './schema.js';

export type VisitRow = Selectable<VisitsTable>;

/** A visit's details as commands set them: everything but identity, version and timestamps. */
export type VisitDetails = Pick<
  VisitRow,
  | 'status'
  | 'starts_at'
  | 'length_minutes'
  | 'patient_name'
  | 'bed'
  | 'visitor_name'
  | 'visitor_mobile'
  | 'visitor_email'
  | 'cancel_reason'
  | 'rebook_of'
>;

export function toVisit(row: VisitRow): Visit {
  return {
    id: row.id,
    version: Number(row.version),
    status: row.status as VisitStatus,
    startsAt: row.starts_at,
    lengthMinutes: Number(row.length_minutes),
    patientName: row.patient_name,
    bed: row.bed,
    visitorName: row.visitor_name,
    visitorMobile: row.visitor_mobile,
    visitorEmail: row.visitor_email,
    cancelReason: row.cancel_reason,
    rebookOf: row.rebook_of,
    hadCall: row.connected_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every query is scoped by ward: a ward can never read another ward's visit. */
export async function findVisit(db: Db, wardId: string, id: string): Promise<Visit | undefined> {
  const row = await db.selectFrom('visits').selectAll().where('ward_id', '=', wardId).where('id', '=', id).executeTakeFirst();
  return row && toVisit(row);
}

/**
 * The visit, with its row locked until the transaction ends on PostgreSQL: for a decision
 * that reads more than the visit (its messages, say) and must not interleave with another.
 */
export async function lockVisit(trx: Db, wardId: string, id: string): Promise<Visit | undefined> {
  const row = await forUpdate(trx, trx.selectFrom('visits').selectAll().where('ward_id', '=', wardId).where('id', '=', id)).executeTakeFirst();
  return row && toVisit(row);
}

export async function listVisitsStartingFrom(db: Db, wardId: string, from: Date): Promise<Visit[]> {
  const rows = await db
    .selectFrom('visits')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('starts_at', '>=', from.toISOString())
    .orderBy('starts_at')
    .execute();
  return rows.map(toVisit);
}

/** Across every ward: ids are global, so a new visit must not take any ward's id. */
export async function anyVisitExists(db: Db, ids: readonly string[]): Promise<boolean> {
  const row = await db.selectFrom('visits').select('id').where('id', 'in', ids).executeTakeFirst();
  return row !== undefined;
}

export async function insertVisit(db: Db, wardId: string, id: string, details: VisitDetails, joinTokenHash: string, now: Date): Promise<Visit> {
  const at = now.toISOString();
  const row: VisitRow = {
    ...{ id, ward_id: wardId, version: 1, created_at: at, updated_at: at, join_token_hash: joinTokenHash, link_generation: 0 },
    ...{ ready_at: null, connected_at: null, ended_at: null, feedback_given: 0, reconnections: 0, outage_seconds: 0, interrupted_at: null },
    ...details,
  };
  await db.insertInto('visits').values(row).execute();
  return toVisit(row);
}

/**
 * Applies a change only if the visit is still at the version it was read at, so two writers
 * cannot both win; answers undefined when it was not.
 */
export async function updateVisit(
  db: Db,
  wardId: string,
  id: string,
  fromVersion: number,
  details: Partial<VisitDetails>,
  now: Date,
): Promise<Visit | undefined> {
  const row = await db
    .updateTable('visits')
    .set({ ...details, version: fromVersion + 1, updated_at: now.toISOString() })
    .where('ward_id', '=', wardId)
    .where('id', '=', id)
    .where('version', '=', fromVersion)
    .returningAll()
    .executeTakeFirst();
  return row && toVisit(row);
}

export interface VisitBehindLink {
  visit: Visit;
  wardId: string;
  wardName: string;
  /** The ward's phone number for families, if the trust admin gave one. */
  wardPhone: string | null;
  hospitalName: string;
  /** The trust no longer runs visits on this ward: its links say so. */
  wardArchived: boolean;
  /** What deciding on feedback needs: when media first connected and the call ended, and how many answers were given. */
  connectedAt: string | null;
  endedAt: string | null;
  feedbackGiven: number;
  /** Part of the link's token: "Make a new link" bumps it. */
  linkGeneration: number;
}

/** The visit a join link leads to (by its token's hash) or a visitor session holds (by id), with the names its page shows. */
export async function findVisitBehindLink(db: Db, by: { joinTokenHash: string } | { visitId: string }): Promise<VisitBehindLink | undefined> {
  const query = db
    .selectFrom('visits')
    .innerJoin('wards', 'wards.id', 'visits.ward_id')
    .innerJoin('hospitals', 'hospitals.id', 'wards.hospital_id')
    .selectAll('visits')
    .select(['wards.name as ward_name', 'wards.phone as ward_phone', 'wards.archived_at as ward_archived_at', 'hospitals.name as hospital_name']);
  const row = await ('visitId' in by
    ? query.where('visits.id', '=', by.visitId)
    : query.where('visits.join_token_hash', '=', by.joinTokenHash)
  ).executeTakeFirst();
  if (!row) return undefined;
  const { ward_name, ward_phone, ward_archived_at, hospital_name, ...visit } = row;
  return {
    visit: toVisit(visit),
    wardId: visit.ward_id,
    wardName: ward_name,
    wardPhone: ward_phone,
    hospitalName: hospital_name,
    wardArchived: ward_archived_at !== null,
    connectedAt: visit.connected_at,
    endedAt: visit.ended_at,
    feedbackGiven: visit.feedback_given,
    linkGeneration: Number(visit.link_generation),
  };
}

/** The steps of a call the relay records: each moves the status on and stamps its time once. */
const CALL_STEPS = {
  start: { from: ['booked'], to: 'ready', stamp: 'ready_at' },
  connect: { from: ['ready'], to: 'in-progress', stamp: 'connected_at' },
  end: { from: ['ready', 'in-progress'], to: 'completed', stamp: 'ended_at' },
  /** The tablet dropped and did not come back in time: only a call that connected is ended. */
  'tablet-lost': { from: ['in-progress'], to: 'completed', stamp: 'ended_at' },
} as const;
export type CallStep = keyof typeof CALL_STEPS;

/**
 * Records a call step for a ward's visit. Answers the visit (and whether it changed), or
 * undefined when the ward has no such visit. A step that does not apply changes nothing.
 * `happenedAt` is when the step really happened, if earlier than now: a call whose tablet was
 * lost ended when it went, not when the grace period ran out.
 */
export async function recordCallStep(
  db: Db,
  wardId: string,
  id: string,
  step: CallStep,
  now: Date,
  happenedAt: Date = now,
): Promise<{ visit: Visit; changed: boolean } | undefined> {
  const { from, to, stamp } = CALL_STEPS[step];
  const row = await db
    .updateTable('visits')
    .set((eb) => ({ status: to, version: eb('version', '+', 1), updated_at: now.toISOString(), [stamp]: happenedAt.toISOString() }))
    .where('ward_id', '=', wardId)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .returningAll()
    .executeTakeFirst();
  if (row) return { visit: toVisit(row), changed: true };
  const visit = await findVisit(db, wardId, id);
  return visit && { visit, changed: false };
}


/**
 * Booked visits whose slot ended more than `graceMinutes` ago become missed. The slot's end is
 * computed in code (start + length), so the query stays portable between SQLite and PostgreSQL:
 * candidates are those that started before now minus the longest possible visit and grace.
 */
export async function markMissedVisits(db: Db, now: Date, graceMinutes: number): Promise<{ wardId: string; visit: Visit }[]> {
  const graceMs = graceMinutes * 60_000;
  const earliestEnd = new Date(now.getTime() - graceMs);
  const candidates = await db
    .selectFrom('visits')
    .selectAll()
    // "ready" too: a ward that pressed Start but never connected anyone did not hold the visit.
    .where('status', 'in', ['booked', 'ready'])
    .where('starts_at', '<', earliestEnd.toISOString())
    .execute();
  const missed: { wardId: string; visit: Visit }[] = [];
  for (const row of candidates) {
    const endsAt = Date.parse(row.starts_at) + Number(row.length_minutes) * 60_000;
    if (endsAt + graceMs > now.getTime()) continue;
    const updated = await db
      .updateTable('visits')
      .set((eb) => ({ status: 'missed', version: eb('version', '+', 1), updated_at: now.toISOString() }))
      .where('id', '=', row.id)
      .where('status', 'in', ['booked', 'ready'])
      .returningAll()
      .executeTakeFirst();
    if (updated) missed.push({ wardId: updated.ward_id, visit: toVisit(updated) });
  }
  return missed;
}

/** Visits whose call is connected now, across every ward: a count for the metrics. */
export async function countVisitsInProgress(db: Db): Promise<number> {
  const row = await db.selectFrom('visits').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'in-progress').executeTakeFirstOrThrow();
  return Number(row.n);
}
