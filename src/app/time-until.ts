const MINUTE_MS = 60_000;
const MINUTES_PER_HOUR = 60;
const HOURS_PER_DAY = 24;
/** Beyond this many hours the minutes are noise: "in 19 hours", not "in 19 hours 39 minutes". */
const HOURS_WITH_MINUTES = 3;

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/**
 * "in 10 minutes", "in 1 hour 5 minutes": how long until a visit starts, for the row of the
 * next visit. Minutes round up, so "in 1 minute" shows until the visit's time has come.
 * Further off, the minutes and then the hours stop mattering to a nurse.
 */
export function timeUntil(startsAt: Date, now: Date): string {
  const ms = startsAt.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  const totalMinutes = Math.ceil(ms / MINUTE_MS);
  if (totalMinutes < MINUTES_PER_HOUR) return `in ${plural(totalMinutes, 'minute')}`;
  const hours = Math.floor(totalMinutes / MINUTES_PER_HOUR);
  if (hours >= HOURS_PER_DAY) return 'in more than a day';
  const minutes = totalMinutes % MINUTES_PER_HOUR;
  return minutes === 0 || hours >= HOURS_WITH_MINUTES ? `in ${plural(hours, 'hour')}` : `in ${plural(hours, 'hour')} ${plural(minutes, 'minute')}`;
}
