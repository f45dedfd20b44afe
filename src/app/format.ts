import { instantToLocal, type Visit } from '../shared/index.js';

/** HH:MM of the visit's start on the hospital's clock. */
export function visitTime(visit: Visit, timeZone: string): string {
  return instantToLocal(new Date(visit.startsAt), timeZone).time;
}

export function visitDate(visit: Visit, timeZone: string): string {
  return instantToLocal(new Date(visit.startsAt), timeZone).date;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * "Thursday 27 November 2025" for a YYYY-MM-DD calendar date (a date has no zone: read it as
 * UTC). Built from parts because Intl's en-GB puts a comma after the weekday, which NHS style does not.
 */
export function longDate(date: string): string {
  const parts = LONG_DATE.formatToParts(new Date(`${date}T00:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** "Thu 27 Nov", short enough for a row on a phone. */
export function shortDate(date: string): string {
  return SHORT_DATE.format(new Date(`${date}T00:00:00Z`));
}

export function minutes(length: number): string {
  return length === 1 ? '1 minute' : `${length} minutes`;
}

/** HH:MM of any instant on the hospital's clock, for "Last updated". */
export function clockTime(instant: Date, timeZone: string): string {
  return instantToLocal(instant, timeZone).time;
}
