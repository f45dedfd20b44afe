/**
 * Wall-clock time in the hospital's time zone <-> UTC instants, with no library: Intl knows
 * every zone's rules. Visits are stored as UTC instants; people type and read local times.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClockParts(instantMs: number, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const p = wallClockParts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** Milliseconds of the wall-clock reading as if it were UTC, or null if it is not a real date and time. */
function wallClockAsUtcMs({ date, time }: LocalDateTime): number | null {
  const d = DATE_PATTERN.exec(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as number[];
  if (hour! > 23 || minute! > 59) return null;
  const ms = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day) return null;
  return ms;
}

export function isRealDate(date: string): boolean {
  return wallClockAsUtcMs({ date, time: '00:00' }) !== null;
}

export function isRealTime(time: string): boolean {
  return wallClockAsUtcMs({ date: '2000-01-01', time }) !== null;
}

/**
 * The UTC instant of a wall-clock time in a zone. When clocks go back the time happens twice:
 * the earlier one is taken. When clocks go forward the time never happens: null.
 */
export function localToInstant(local: LocalDateTime, timeZone: string): Date | null {
  const wallMs = wallClockAsUtcMs(local);
  if (wallMs === null) return null;
  // The offset a day either side covers both sides of any change of clocks.
  const offsets = new Set([zoneOffsetMs(wallMs - DAY_MS, timeZone), zoneOffsetMs(wallMs + DAY_MS, timeZone)]);
  const candidates = [...offsets]
    .map((offset) => wallMs - offset)
    .filter((instant) => zoneOffsetMs(instant, timeZone) === wallMs - instant)
    .sort((a, b) => a - b);
  return candidates.length > 0 ? new Date(candidates[0]!) : null;
}

export function instantToLocal(instant: Date, timeZone: string): LocalDateTime {
  const p = wallClockParts(instant.getTime(), timeZone);
  const pad = (n: number | undefined, width = 2) => String(n).padStart(width, '0');
  return {
    date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
  };
}

/** A calendar date plus whole days, independent of any zone. */
export function addDays(date: string, days: number): string {
  const ms = wallClockAsUtcMs({ date, time: '00:00' });
  if (ms === null) throw new RangeError(`Not a date: ${date}`);
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant the next local day begins (midnight, or the first minute after it if midnight is skipped). */
export function startOfNextLocalDay(instant: Date, timeZone: string): Date {
  const tomorrow = addDays(instantToLocal(instant, timeZone).date, 1);
  for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const start = localToInstant({ date: tomorrow, time }, timeZone);
    if (start) return start;
  }
  throw new RangeError(`No start of day for ${tomorrow} in ${timeZone}`);
}
