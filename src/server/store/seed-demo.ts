import { randomBytes } from 'node:crypto';
import { hashSecret, verifySecret } from '../security/secret-hash.js';
import { recordAudit } from './audit-log.js';
import type { Db } from './database.js';
import { setWardArchived, setWardPinHash } from './hospitals.js';
import { endWardSessions } from './sessions.js';
import { countWards, createWardWithHospital, findWardByCode } from './wards.js';

/** Known to anyone who reads the README: seeded only outside production. */
export const DEMO_WARD = {
  trustName: 'Demo NHS Foundation Trust',
  hospitalName: 'Demo General Hospital',
  wardName: 'Demo ward',
  wardCode: 'DEMO',
  pin: '123456',
  /** From Ofcom's range for drama (020 7946 0000 to 0999): it rings nobody. */
  wardPhone: '020 7946 0000',
} as const;

/** Gives an empty development database a ward to sign in to. Answers whether it did. */
export async function seedDemoWard(db: Db, now: Date): Promise<boolean> {
  if ((await countWards(db)) > 0) return false;
  await createWardWithHospital(db, DEMO_WARD, now);
  return true;
}

/**
 * A production start on a data folder a development run used: the demo ward, whose PIN is in
 * the README, would let anyone sign in. It is archived (its reports are kept) with a PIN
 * nobody knows, and its tablets are signed out. Answers whether it did. Archiving rather than
 * refusing to start: the trust's IT then has nothing to do, and nothing is deleted by surprise.
 */
export async function retireDemoWard(db: Db, now: Date): Promise<boolean> {
  const ward = await findWardByCode(db, DEMO_WARD.wardCode);
  if (!ward || !(await verifySecret(DEMO_WARD.pin, ward.pinHash))) return false;
  const unknownPin = await hashSecret(randomBytes(32).toString('hex'));
  await db.transaction().execute(async (trx) => {
    await setWardPinHash(trx, ward.id, unknownPin);
    await setWardArchived(trx, ward.id, now);
    await endWardSessions(trx, ward.id, now);
    await recordAudit(trx, 'start-up', { action: 'ward.archived', wardId: ward.id, detail: 'The demo ward, archived when the server started in production' }, now);
  });
  return true;
}
