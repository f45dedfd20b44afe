/**
 * What nurses type, turned into the one form the visit keeps. Pure, so the tablet's form and the
 * server agree. Mobile numbers are in uk-mobile.ts, email addresses in email-address.ts.
 */

const HOURS_IN_DAY = 24;
const MINUTES_IN_HOUR = 60;
const NOON = 12;

/**
 * Hours and minutes as nurses type them: "9:30", "09:30", "9.30", "930", "1445", "14 45", "9",
 * and with "am" or "pm" ("2.30pm"). Separators are a colon, a full stop or a space.
 */
const TYPED_TIME = /^(\d{1,2})(?:[:.\s]?(\d{2}))?\s*([ap]\.?m\.?)?$/i;

/** A typed time as HH:MM (24-hour), or null if it is not a time of day. */
export function normaliseTime(input: string): string | null {
  const match = TYPED_TIME.exec(input.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const halfDay = match[3]?.charAt(0).toLowerCase();
  if (halfDay) {
    if (hours < 1 || hours > NOON) return null;
    hours = (hours % NOON) + (halfDay === 'p' ? NOON : 0);
  }
  if (hours >= HOURS_IN_DAY || minutes >= MINUTES_IN_HOUR) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
