import { randomUUID } from 'node:crypto';
import type { HospitalSummary, WardSummary } from '../../shared/index.js';
import type { Db } from './database.js';

/**
 * Hospitals and wards as the admin area sees them: names, codes and states, nothing of any
 * visit. One install serves one trust; its row is made with the first hospital.
 */
async function theTrustId(db: Db, now: Date): Promise<string> {
  const existing = await db.selectFrom('trusts').select('id').orderBy('created_at').executeTakeFirst();
  if (existing) return existing.id;
  const id = randomUUID();
  await db.insertInto('trusts').values({ id, name: 'Trust', created_at: now.toISOString() }).execute();
  return id;
}

export async function listHospitalsWithWards(db: Db): Promise<HospitalSummary[]> {
  const hospitals = await db.selectFrom('hospitals').select(['id', 'name']).orderBy('name').execute();
  const wards = await listWardSummaries(db);
  return hospitals.map((hospital) => ({ ...hospital, wards: wards.filter((ward) => ward.hospitalId === hospital.id) }));
}

const WARD_SUMMARY_COLUMNS = ['id', 'hospital_id', 'name', 'code', 'phone', 'archived_at', 'created_at'] as const;

async function listWardSummaries(db: Db): Promise<WardSummary[]> {
  const rows = await db.selectFrom('wards').select(WARD_SUMMARY_COLUMNS).orderBy('name').execute();
  return rows.map(toWardSummary);
}

export async function findWardSummary(db: Db, wardId: string): Promise<WardSummary | undefined> {
  const row = await db.selectFrom('wards').select(WARD_SUMMARY_COLUMNS).where('id', '=', wardId).executeTakeFirst();
  return row && toWardSummary(row);
}

type WardSummaryRow = { id: string; hospital_id: string; name: string; code: string; phone: string | null; archived_at: string | null; created_at: string };

function toWardSummary(row: WardSummaryRow): WardSummary {
  return { id: row.id, hospitalId: row.hospital_id, name: row.name, code: row.code, phone: row.phone, archived: row.archived_at !== null, createdAt: row.created_at };
}

export async function findHospital(db: Db, id: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('hospitals').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Run it in a transaction: the trust's row may be made with it. */
export async function createHospital(trx: Db, name: string, now: Date): Promise<HospitalSummary> {
  const id = randomUUID();
  await trx.insertInto('hospitals').values({ id, trust_id: await theTrustId(trx, now), name, created_at: now.toISOString() }).execute();
  return { id, name, wards: [] };
}

export async function renameHospital(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('hospitals').set({ name }).where('id', '=', id).execute();
}

export interface NewWard {
  hospitalId: string;
  name: string;
  /** Already canonical (upper case). */
  code: string;
  pinHash: string;
  /** Tidied; null when the ward has none. */
  phone: string | null;
}

export async function insertWard(db: Db, ward: NewWard, now: Date): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('wards')
    .values({ id, hospital_id: ward.hospitalId, name: ward.name, code: ward.code, pin_hash: ward.pinHash, phone: ward.phone, created_at: now.toISOString(), archived_at: null })
    .execute();
  return id;
}

/** Only the fields given change; a phone of null removes the ward's number. */
export async function updateWard(db: Db, id: string, change: { hospitalId?: string; name?: string; code?: string; phone?: string | null }): Promise<void> {
  await db
    .updateTable('wards')
    .set({
      ...(change.hospitalId !== undefined && { hospital_id: change.hospitalId }),
      ...(change.name !== undefined && { name: change.name }),
      ...(change.code !== undefined && { code: change.code }),
      ...(change.phone !== undefined && { phone: change.phone }),
    })
    .where('id', '=', id)
    .execute();
}

export async function setWardPinHash(db: Db, id: string, pinHash: string): Promise<void> {
  await db.updateTable('wards').set({ pin_hash: pinHash }).where('id', '=', id).execute();
}

export async function setWardArchived(db: Db, id: string, archivedAt: Date | null): Promise<void> {
  await db.updateTable('wards').set({ archived_at: archivedAt?.toISOString() ?? null }).where('id', '=', id).execute();
}

/** Whether another ward already has this code (codes are unique across the trust, archived wards too). */
export async function wardCodeTaken(db: Db, code: string, exceptWardId?: string): Promise<boolean> {
  let query = db.selectFrom('wards').select('id').where('code', '=', code);
  if (exceptWardId) query = query.where('id', '!=', exceptWardId);
  return (await query.executeTakeFirst()) !== undefined;
}
