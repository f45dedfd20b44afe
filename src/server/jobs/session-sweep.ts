import type { AppContext } from '../context.js';
import { sessionsEndedAfter, sessionsExpiredBetween } from '../store/sessions.js';
import type { WardEvents } from '../ward-events.js';

/**
 * How often open sockets are checked against the sessions table. A sign-out on this node
 * closes its sockets at once; this catches the rest within seconds: a revocation from the
 * command line, a sign-out on another node, and a shift's session running out.
 */
export const SESSION_SWEEP_INTERVAL_MS = 2_000;
/**
 * Ends are stamped by whichever clock ended them (another node, the command line), which may
 * be a little behind this one: each sweep looks this far back past the latest end it has seen.
 * Telling the relay twice about one session is harmless.
 */
const CLOCK_SKEW_ALLOWANCE_MS = 60_000;

export interface SweepCursor {
  /** The latest end seen so far. */
  endedAfter: Date;
  /** Expiries up to here have been told. */
  expiredUntil: Date;
}

/** Tells the relay about every session that stopped since the cursor; answers the cursor moved on. */
export async function sweepSessions(context: AppContext, events: WardEvents, cursor: SweepCursor): Promise<SweepCursor> {
  const now = context.now();
  const ended = await sessionsEndedAfter(context.db, new Date(cursor.endedAfter.getTime() - CLOCK_SKEW_ALLOWANCE_MS));
  const expired = await sessionsExpiredBetween(context.db, cursor.expiredUntil, now);
  for (const tokenHash of [...ended.map((session) => session.tokenHash), ...expired]) events.sessionEnded(tokenHash);
  const latestEnd = Math.max(cursor.endedAfter.getTime(), ...ended.map((session) => Date.parse(session.endedAt)));
  return { endedAfter: new Date(latestEnd), expiredUntil: now };
}

export function startSessionSweep(context: AppContext, events: WardEvents, log: (error: unknown) => void, ran: (ok: boolean) => void = () => {}): () => void {
  let cursor: SweepCursor = { endedAfter: context.now(), expiredUntil: context.now() };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepSessions(context, events, cursor)
      .then(
        (moved) => ((cursor = moved), ran(true)),
        (error: unknown) => (ran(false), log(error)),
      )
      .finally(() => void (running = false));
  }, SESSION_SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
