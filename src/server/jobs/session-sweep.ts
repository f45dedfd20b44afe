import type { AppContext } from '../context.js';
import { sessionsStoppedBetween } from '../store/sessions.js';
import type { WardEvents } from '../ward-events.js';

/**
 * How often open sockets are checked against the sessions table. A sign-out on this node
 * closes its sockets at once; this catches the rest within seconds: a revocation from the
 * command line, a sign-out on another node, and a shift's session running out.
 */
export const SESSION_SWEEP_INTERVAL_MS = 2_000;

/** Tells the relay about every session that stopped since the last sweep; answers the new "since". */
export async function sweepSessions(context: AppContext, events: WardEvents, since: Date): Promise<Date> {
  const until = context.now();
  for (const tokenHash of await sessionsStoppedBetween(context.db, since, until)) events.sessionEnded(tokenHash);
  return until;
}

export function startSessionSweep(context: AppContext, events: WardEvents, log: (error: unknown) => void): () => void {
  let since = context.now();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepSessions(context, events, since)
      .then((until) => void (since = until), log)
      .finally(() => void (running = false));
  }, SESSION_SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
