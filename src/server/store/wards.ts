import { randomUUID } from 'node:crypto';
import { hashSecret } from '../security/secret-hash.js';
import type { Db } from './database.js';

export interface WardRecord {
  id: string;
  name: string;
  code: string;
  pinHash: string;
  hospitalName: string;
}

/** Ward codes are typed by hand: compare them without case or surrounding spaces. */
export function canonicalWardCode(code: string): string {
  return code.trim().toUpperCase();
}

export async function findWardByCode(db: Db, code: string): Promise<WardRecord | undefined> {
  return db
    .selectFrom('wards')
    .innerJoin('hospitals', 'hospitals.id', 'wards.hospital_id')
    .select(['wards.id', 'wards.name', 'wards.code', 'wards.pin_hash as pinHash', 'hospitals.name as hospitalName'])
    .where('wards.code', '=', canonicalWardCode(code))
    .where('wards.archived_at', 'is', null)
    .executeTakeFirst();
}

/** A ward that runs visits: an archived ward's sessions, should any be left, reach nothing. */
export async function findActiveWardById(db: Db, id: string): Promise<WardRecord | undefined> {
  return db
    .selectFrom('wards')
    .innerJoin('hospitals', 'hospitals.id', 'wards.hospital_id')
    .select(['wards.id', 'wards.name', 'wards.code', 'wards.pin_hash as pinHash', 'hospitals.name as hospitalName'])
    .where('wards.id', '=', id)
    .where('wards.archived_at', 'is', null)
    .executeTakeFirst();
}

export async function countWards(db: Db): Promise<number> {
  const row = await db.selectFrom('wards').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewWardSetup {
  trustName: string;
  hospitalName: string;
  wardName: string;
  wardCode: string;
  pin: string;
  /** The ward's phone number for families, if it has one. */
  wardPhone?: string;
}

/** Creates a trust, hospital and ward together (the admin area will manage them one by one). */
export async function createWardWithHospital(db: Db, setup: NewWardSetup, now: Date): Promise<string> {
  const at = now.toISOString();
  const [trustId, hospitalId, wardId] = [randomUUID(), randomUUID(), randomUUID()];
  const pinHash = await hashSecret(setup.pin);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('trusts').values({ id: trustId, name: setup.trustName, created_at: at }).execute();
    await trx
      .insertInto('hospitals')
      .values({ id: hospitalId, trust_id: trustId, name: setup.hospitalName, created_at: at })
      .execute();
    await trx
      .insertInto('wards')
      .values({
        id: wardId,
        hospital_id: hospitalId,
        name: setup.wardName,
        code: canonicalWardCode(setup.wardCode),
        pin_hash: pinHash,
        created_at: at,
        archived_at: null,
        phone: setup.wardPhone ?? null,
      })
      .execute();
  });
  return wardId;
}
