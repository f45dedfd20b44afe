/**
 * What one visit adds to a report. Only the columns that are not personal data: reports are
 * counts and durations, and must read the same after the retention job has cleared names.
 */
export interface ReportVisit {
  ward_id: string;
  status: string;
  starts_at: string;
  connected_at: string | null;
  ended_at: string | null;
  reconnections: number;
  outage_seconds: number;
}

/** What became of a visit, as a report counts it. Open visits (booked, ready, in progress) are only booked so far. */
export type Outcome = 'completed' | 'endedUnjoined' | 'cancelled' | 'missed' | 'open';

const SECOND_MS = 1_000;

export function outcomeOf(visit: Pick<ReportVisit, 'status' | 'connected_at'>): Outcome {
  switch (visit.status) {
    // A ward can end a visit it started before anyone joined: recorded as completed, but no call happened.
    case 'completed':
      return visit.connected_at === null ? 'endedUnjoined' : 'completed';
    case 'cancelled':
      return 'cancelled';
    case 'missed':
      return 'missed';
    default:
      return 'open';
  }
}

/**
 * Milliseconds a completed call had media, as the server saw it: from first connecting to the
 * end, less the time its media was gone. Never negative, even if the clocks disagree; zero for
 * anything but a completed call.
 */
export function callMs(visit: ReportVisit): number {
  if (outcomeOf(visit) !== 'completed' || visit.ended_at === null || visit.connected_at === null) return 0;
  const connectedMs = Date.parse(visit.ended_at) - Date.parse(visit.connected_at);
  return Math.max(0, connectedMs - visit.outage_seconds * SECOND_MS);
}

/** A running tally, kept in exact milliseconds so rounding happens once, when it is presented. */
export interface Tally {
  booked: number;
  completed: number;
  endedUnjoined: number;
  cancelled: number;
  missed: number;
  callMs: number;
  reconnections: number;
  outageMs: number;
}

export function emptyTally(): Tally {
  return { booked: 0, completed: 0, endedUnjoined: 0, cancelled: 0, missed: 0, callMs: 0, reconnections: 0, outageMs: 0 };
}

/** Adds a visit to a tally in place: every visit is booked, whatever became of it. */
export function addVisit(tally: Tally, visit: ReportVisit): void {
  const outcome = outcomeOf(visit);
  tally.booked += 1;
  if (outcome !== 'open') tally[outcome] += 1;
  tally.callMs += callMs(visit);
  tally.reconnections += visit.reconnections;
  tally.outageMs += visit.outage_seconds * SECOND_MS;
}
