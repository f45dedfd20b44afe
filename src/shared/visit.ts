import { PAST_TAB_HOURS, TODAY_LOOKBACK_MINUTES } from './limits.js';
import { startOfNextLocalDay } from './local-time.js';

export const VISIT_STATUSES = ['booked', 'ready', 'in-progress', 'completed', 'cancelled', 'missed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/**
 * A visit as the server answers it. Personal fields are null once the retention job has
 * deleted them (within 24 hours of the visit ending).
 */
export interface Visit {
  id: string;
  /** Bumped by every change; a command names the version it was based on. */
  version: number;
  status: VisitStatus;
  /** UTC instant, ISO 8601. */
  startsAt: string;
  lengthMinutes: number;
  patientName: string | null;
  bed: string | null;
  visitorName: string | null;
  visitorMobile: string | null;
  visitorEmail: string | null;
  cancelReason: string | null;
  /** The visit this one was rebooked from, if any. */
  rebookOf: string | null;
  /**
   * Whether the call's media ever connected. A visit ended with nobody joined is `completed`
   * too, but is not a call that happened. Absent in records a tablet kept from before it was sent.
   */
  hadCall?: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The status tag's words for one visit: a visit ended before anyone joined says so. */
export function statusLabel(visit: Pick<Visit, 'status' | 'hadCall'>): string {
  return visit.status === 'completed' && visit.hadCall === false ? 'Ended: nobody joined' : STATUS_LABELS[visit.status];
}

/** Words shown in the status tag, in NHS content style. */
export const STATUS_LABELS: Record<VisitStatus, string> = {
  booked: 'Booked',
  // The ward pressed Start; until someone joins, that is what the ward is waiting for.
  ready: 'Started: waiting for the visitor',
  'in-progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  missed: 'Missed',
};

/** nhsuk-tag colour modifiers, so a glance tells open from closed. */
export const STATUS_TAG_COLOURS: Record<VisitStatus, string> = {
  booked: 'blue',
  ready: 'green',
  'in-progress': 'green',
  completed: 'grey',
  cancelled: 'red',
  missed: 'orange',
};

export function visitEndsAt(visit: Pick<Visit, 'startsAt' | 'lengthMinutes'>): Date {
  return new Date(Date.parse(visit.startsAt) + visit.lengthMinutes * 60_000);
}

/** Details can be changed until the visit starts, and only while it is still booked. */
export function canChange(visit: Visit, now: Date): boolean {
  return visit.status === 'booked' && Date.parse(visit.startsAt) > now.getTime();
}

/** A visit can be cancelled until it is under way. */
export function canCancel(visit: Visit): boolean {
  return visit.status === 'booked' || visit.status === 'ready';
}

/**
 * Rebook (a new visit, same details, same time tomorrow) is for a visit that is over: it
 * happened, was missed, or was cancelled. A visit still to come is moved with Change instead,
 * and a second one on the same day is a new booking; offering Rebook there would make a
 * double booking too easy.
 */
export function canRebook(visit: Pick<Visit, 'status'>): boolean {
  return visit.status === 'completed' || visit.status === 'missed' || visit.status === 'cancelled';
}

export type VisitTab = 'today' | 'upcoming' | 'past';

export interface VisitTabs<T extends Visit = Visit> {
  today: T[];
  upcoming: T[];
  past: T[];
}

interface TabBounds {
  pastFrom: number;
  todayFrom: number;
  upcomingFrom: number;
}

/** Computed once per grouping: the start of the next local day costs several Intl calls. */
function tabBounds(now: Date, timeZone: string): TabBounds {
  return {
    pastFrom: now.getTime() - PAST_TAB_HOURS * 3_600_000,
    todayFrom: now.getTime() - TODAY_LOOKBACK_MINUTES * 60_000,
    upcomingFrom: startOfNextLocalDay(now, timeZone).getTime(),
  };
}

function tabWithin(visit: Visit, bounds: TabBounds): VisitTab | null {
  const starts = Date.parse(visit.startsAt);
  if (starts >= bounds.upcomingFrom) return 'upcoming';
  if (starts >= bounds.todayFrom) return 'today';
  if (starts >= bounds.pastFrom) return 'past';
  return null;
}

/**
 * Today runs from an hour ago to local midnight; Upcoming is after that; Past 12 hours is
 * what started in the 12 hours before Today. Older visits are not listed.
 */
export function tabFor(visit: Visit, now: Date, timeZone: string): VisitTab | null {
  return tabWithin(visit, tabBounds(now, timeZone));
}

export function groupByTab<T extends Visit>(visits: readonly T[], now: Date, timeZone: string): VisitTabs<T> {
  const tabs: VisitTabs<T> = { today: [], upcoming: [], past: [] };
  const bounds = tabBounds(now, timeZone);
  for (const visit of visits) {
    const tab = tabWithin(visit, bounds);
    if (tab) tabs[tab].push(visit);
  }
  const byStart = (a: Visit, b: Visit) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  tabs.today.sort(byStart);
  tabs.upcoming.sort(byStart);
  // The most recent past visit is the one a nurse is most likely looking for.
  tabs.past.sort((a, b) => byStart(b, a));
  return tabs;
}
