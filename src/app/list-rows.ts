import { addDays, instantToLocal, joinState, type Visit } from '../shared/index.js';

/** One day's visits in the list, in the order they were given. */
export interface DayGroup<T extends Visit> {
  /** YYYY-MM-DD on the hospital's calendar. */
  date: string;
  visits: T[];
}

/** Visits under their day (a repeat booking lands one under each day), keeping their order. */
export function groupByDay<T extends Visit>(visits: readonly T[], timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const visit of visits) {
    const date = instantToLocal(new Date(visit.startsAt), timeZone).date;
    const last = groups.at(-1);
    if (last?.date === date) last.visits.push(visit);
    else groups.push({ date, visits: [visit] });
  }
  return groups;
}

/**
 * How a row looks: `live` (started, or in a call), `can-start` (its link is open and the ward
 * has not pressed Start), `later` (too early to start), `closed` (over, cancelled, missed).
 */
export type RowTiming = 'live' | 'can-start' | 'later' | 'closed';

export function rowTiming(visit: Visit, now: Date): RowTiming {
  const state = joinState(visit, now);
  if (state === 'cancelled' || state === 'ended') return 'closed';
  if (visit.status === 'ready' || visit.status === 'in-progress') return 'live';
  return state === 'open' ? 'can-start' : 'later';
}

/** The visit the ward has to start next: the soonest booked one whose time is still to come. */
export function nextVisitId(visits: readonly Visit[], now: Date): string | null {
  let next: Visit | null = null;
  for (const visit of visits) {
    const starts = Date.parse(visit.startsAt);
    if (visit.status !== 'booked' || starts <= now.getTime()) continue;
    if (!next || starts < Date.parse(next.startsAt)) next = visit;
  }
  return next?.id ?? null;
}

const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "Today, Tuesday 1 December", "Tomorrow, …", "Yesterday, …", or "Thursday 3 December". */
export function dayHeading(date: string, today: string): string {
  const parts = DAY_MONTH.formatToParts(new Date(`${date}T00:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // From parts: en-GB puts a comma after the weekday, which NHS style does not.
  const named = `${part('weekday')} ${part('day')} ${part('month')}`;
  const relative = { [today]: 'Today', [addDays(today, 1)]: 'Tomorrow', [addDays(today, -1)]: 'Yesterday' }[date];
  return relative ? `${relative}, ${named}` : named;
}
