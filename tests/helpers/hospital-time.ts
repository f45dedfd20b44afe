import { resolve } from 'node:path';
import { loadConfig } from '../../src/server/config.js';
import { addDays, instantToLocal, type LocalDateTime } from '../../src/shared/index.js';

/**
 * Dates and times on the hospital's calendar, as a nurse types them. Worked out in the
 * hospital's zone, never in UTC: between midnight and 1 am in summer, UTC's "tomorrow" is
 * the hospital's today, and a booking for it lands on the wrong tab (or in the past).
 */

const MINUTE_MS = 60_000;

/** The zone a test server runs in: the server's own default, since tests start it without TZ. */
export const HOSPITAL_TIME_ZONE = loadConfig({ NODE_ENV: 'test' }, resolve(import.meta.dirname, '../..')).timeZone;

/** The hospital's date `days` from today (negative for the past); YYYY-MM-DD. */
export function hospitalDate(days = 0, now = new Date()): string {
  return addDays(instantToLocal(now, HOSPITAL_TIME_ZONE).date, days);
}

export function hospitalTomorrow(now = new Date()): string {
  return hospitalDate(1, now);
}

/** The hospital's wall clock `minutes` from now (negative for the past): date and HH:MM. */
export function hospitalClockIn(minutes: number, now = Date.now()): LocalDateTime {
  return instantToLocal(new Date(now + minutes * MINUTE_MS), HOSPITAL_TIME_ZONE);
}
