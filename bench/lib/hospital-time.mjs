// Dates and times on the hospital's calendar for the benchmarks' bookings: the built
// src/shared/local-time.ts (dist/node), in the zone the built server defaults to. Never UTC:
// around midnight UTC's "tomorrow" is the hospital's today (tests/helpers/hospital-time.ts).
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const { addDays, instantToLocal } = await import(join(root, 'dist/node/shared/local-time.js'));
const { loadConfig } = await import(join(root, 'dist/node/server/config.js'));

const MINUTE_MS = 60_000;
export const HOSPITAL_TIME_ZONE = loadConfig({ NODE_ENV: 'test' }, root).timeZone;

/** The hospital's date `days` from today; YYYY-MM-DD. */
export function hospitalDate(days = 0) {
  return addDays(instantToLocal(new Date(), HOSPITAL_TIME_ZONE).date, days);
}

/** The hospital's wall clock `minutes` from now: { date, time }. */
export function hospitalClockIn(minutes) {
  return instantToLocal(new Date(Date.now() + minutes * MINUTE_MS), HOSPITAL_TIME_ZONE);
}
