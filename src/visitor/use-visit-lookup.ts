import { useEffect, useState } from 'preact/hooks';
import { lookUpVisit, type JoinLookup } from './join-api.js';

/**
 * A too-early page asks the server again when the visit opens, so it lets the visitor in
 * without a reload (issue 13). The phone's clock may be off from the server's: the server has
 * the last word, so the page asks at the time its own clock says, then every
 * RECHECK_MIN_MS until the server agrees; and at least every RECHECK_MAX_MS, because the
 * ward may start the visit early. Timers sleep in a hidden tab, so it also asks on return.
 */
export const RECHECK_MIN_MS = 15_000;
export const RECHECK_MAX_MS = 10 * 60_000;

export function recheckDelay(opensAt: string, now: number): number {
  return Math.min(RECHECK_MAX_MS, Math.max(RECHECK_MIN_MS, Date.parse(opensAt) - now));
}

/** The visit behind the page's link or session, looked up once and again while it is too early. */
export function useVisitLookup(token: string | null): [lookup: JoinLookup | null, retry: () => void] {
  const [lookup, setLookup] = useState<JoinLookup | null>(null);
  const lookUp = () => void lookUpVisit(token).then(setLookup);
  useEffect(lookUp, [token]);

  const opensAt = lookup?.kind === 'found' && lookup.info.state === 'too-early' ? lookup.info.opensAt : null;
  useEffect(() => {
    if (opensAt === null) return;
    // The token has been swapped for the session by now: ask with the session.
    // Offline for a moment: keep the page as it is, and ask again soon.
    const recheck = () => void lookUpVisit(null).then((next) => setLookup((current) => (next.kind === 'offline' ? { ...current! } : next)));
    const timer = setTimeout(recheck, recheckDelay(opensAt, Date.now()));
    const onVisible = () => {
      if (document.visibilityState === 'visible') recheck();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [lookup, opensAt]);

  return [lookup, lookUp];
}
