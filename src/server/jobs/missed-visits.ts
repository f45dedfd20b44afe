import { JOIN_GRACE_MINUTES_AFTER_END, type Visit } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import { markMissedVisits } from '../store/visits.js';
import type { WardEvents } from '../ward-events.js';

/** Often enough that a list shows "Missed" soon after the grace period, cheap enough to ignore. */
export const MISSED_CHECK_INTERVAL_MS = 60_000;

/**
 * Marks visits never started by the end of their slot plus the grace period as missed, and
 * tells their wards' tablets. A visit started (ready) but never connected is missed too. Each update is conditional on the visit still being booked or ready, so
 * several server nodes running it at once mark each visit once.
 */
export async function markMissed(context: AppContext, events: WardEvents): Promise<number> {
  const missed = await markMissedVisits(context.db, context.now(), JOIN_GRACE_MINUTES_AFTER_END);
  const byWard = new Map<string, Visit[]>();
  for (const { wardId, visit } of missed) byWard.set(wardId, [...(byWard.get(wardId) ?? []), visit]);
  for (const [wardId, visits] of byWard) events.visitsChanged(wardId, visits);
  return missed.length;
}

/** Runs the check on a timer until stopped; a failed run is logged and the next one tries again. */
export function startMissedVisitsJob(context: AppContext, events: WardEvents, log: (error: unknown) => void, ran: (ok: boolean) => void = () => {}): () => void {
  const timer = setInterval(() => void markMissed(context, events).then(() => ran(true), (error: unknown) => (ran(false), log(error))), MISSED_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
