import { instantToLocal } from './local-time.js';

const MINUTES_PER_HOUR = 60;

/** "Saturday 21 November" for a local date, "2026-11-21". */
export function dateWords(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "Saturday 21 November" on the hospital's clock. */
export function visitDate(instant: string, timeZone: string): string {
  return dateWords(instantToLocal(new Date(instant), timeZone).date);
}

/** "14:30" on the hospital's clock, as the ward's tablet shows it. */
export function visitTime(instant: string, timeZone: string): string {
  return instantToLocal(new Date(instant), timeZone).time;
}

/** "30 minutes", "1 hour", "1 hour 30 minutes". */
export function lengthWords(minutes: number): string {
  const hours = Math.floor(minutes / MINUTES_PER_HOUR);
  const rest = minutes % MINUTES_PER_HOUR;
  const parts = [hours > 0 && `${hours} ${hours === 1 ? 'hour' : 'hours'}`, rest > 0 && `${rest} ${rest === 1 ? 'minute' : 'minutes'}`];
  return parts.filter(Boolean).join(' ');
}
