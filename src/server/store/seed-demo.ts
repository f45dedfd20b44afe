import type { Db } from './database.js';
import { countWards, createWardWithHospital } from './wards.js';

/** Known to anyone who reads the README: seeded only outside production. */
export const DEMO_WARD = {
  trustName: 'Demo NHS Foundation Trust',
  hospitalName: 'Demo General Hospital',
  wardName: 'Demo ward',
  wardCode: 'DEMO',
  pin: '123456',
} as const;

/** Gives an empty development database a ward to sign in to. Answers whether it did. */
export async function seedDemoWard(db: Db, now: Date): Promise<boolean> {
  if ((await countWards(db)) > 0) return false;
  await createWardWithHospital(db, DEMO_WARD, now);
  return true;
}
