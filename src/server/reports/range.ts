import { REPORT_DEFAULT_DAYS, REPORT_MAX_DAYS, addDays, isRealDate, localToInstant, startOfNextLocalDay } from '../../shared/index.js';

const DAY_MS = 86_400_000;
/** Noon happens on every day in every zone (clocks change at night), so it anchors a local day. */
const MIDDAY = '12:00';

/** A report's range refused: the message is a sentence for the admin, ready to show. */
export class ReportRangeError extends Error {
  override name = 'ReportRangeError';
}

/** Hospital-local days, YYYY-MM-DD, both included. */
export interface ReportRange {
  from: string;
  to: string;
}

/**
 * The range a query asks for. Without `to` it ends today; without `from` it is the
 * REPORT_DEFAULT_DAYS days ending on `to`. Refuses a date that does not exist, a start after
 * the end, and a range longer than REPORT_MAX_DAYS.
 */
export function resolveRange(query: { from?: string | undefined; to?: string | undefined }, today: string): ReportRange {
  if (query.from !== undefined && !isRealDate(query.from)) {
    throw new ReportRangeError(`The start date ${query.from} is not a real date. Check the day and month.`);
  }
  if (query.to !== undefined && !isRealDate(query.to)) {
    throw new ReportRangeError(`The end date ${query.to} is not a real date. Check the day and month.`);
  }
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, 1 - REPORT_DEFAULT_DAYS);
  if (from > to) throw new ReportRangeError('The start date must be on or before the end date.');
  if (dayCount({ from, to }) > REPORT_MAX_DAYS) {
    throw new ReportRangeError(`A report can cover up to ${REPORT_MAX_DAYS} days. Choose a shorter date range.`);
  }
  return { from, to };
}

/** How many days the range holds, both ends included. */
export function dayCount(range: ReportRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / DAY_MS) + 1;
}

/** Every day of the range, in order. */
export function daysOf(range: ReportRange): string[] {
  return Array.from({ length: dayCount(range) }, (_, index) => addDays(range.from, index));
}

/**
 * When a hospital-local day begins, as a UTC instant: midnight, or the first moment after it
 * where a zone skips midnight when its clocks go forward.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const middayBefore = localToInstant({ date: addDays(date, -1), time: MIDDAY }, timeZone);
  if (!middayBefore) throw new RangeError(`No midday on the day before ${date} in ${timeZone}`);
  return startOfNextLocalDay(middayBefore, timeZone);
}

/** The UTC instants the range covers: from its first day's start, up to (not including) the start of the day after it. */
export function rangeInstants(range: ReportRange, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(range.from, timeZone), end: startOfLocalDay(addDays(range.to, 1), timeZone) };
}
