import { visitEndsAt } from '../../shared/index.js';

/**
 * When a visit's personal data must go, decided from data alone so the rules are unit-tested
 * without a database. The store finds candidates; these rules pick the ones to clear.
 */

/**
 * How often the retention job runs. Data must be gone *within* the retention period, so a row
 * may never wait longer than one interval past its deadline: the job clears at "retention
 * minus one interval" (see `retentionCutoff`). Ten minutes keeps that margin small (a 24 h
 * retention clears at 23 h 50 min) and the job cheap: each run touches only newly due rows.
 */
export const RETENTION_CHECK_INTERVAL_MS = 10 * 60_000;

/**
 * Personal data of anything that closed before this instant is cleared now. It is one check
 * interval earlier than "now minus retention", so a row that falls due just after a run is
 * still cleared by the next run, before the retention period is over.
 */
export function retentionCutoff(now: Date, retentionMs: number, intervalMs: number = RETENTION_CHECK_INTERVAL_MS): Date {
  return new Date(now.getTime() - Math.max(0, retentionMs - intervalMs));
}

/** What the rules read of a visit: only its status and times, never its personal fields. */
export interface VisitTimes {
  status: string;
  starts_at: string;
  length_minutes: number;
  ended_at: string | null;
  updated_at: string;
}

/**
 * When the visit closed, for retention: a completed visit when it ended; a cancelled or missed
 * one when it was cancelled or marked (its last change); an open one never (undefined).
 */
export function closedAt(visit: VisitTimes): number | undefined {
  if (visit.status === 'completed') return Date.parse(visit.ended_at ?? visit.updated_at);
  if (visit.status === 'cancelled' || visit.status === 'missed') return Date.parse(visit.updated_at);
  return undefined;
}

/**
 * Whether the visit's personal data is due for deletion at this cutoff. Besides closing, any
 * visit whose slot ended before the cutoff is due whatever its status: a call left
 * "in-progress" (say, the relay restarted mid-call and never recorded the end) or a visit the
 * missed-visits job never reached must not keep personal data for ever.
 */
export function personalDataDue(visit: VisitTimes, cutoff: Date): boolean {
  const closed = closedAt(visit);
  if (closed !== undefined && closed < cutoff.getTime()) return true;
  return visitEndsAt({ startsAt: visit.starts_at, lengthMinutes: Number(visit.length_minutes) }).getTime() < cutoff.getTime();
}
