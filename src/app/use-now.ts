import { useEffect, useState } from 'preact/hooks';

/** Often enough that "in 10 minutes" is never more than a quarter of a minute behind. */
export const LIST_CLOCK_TICK_MS = 15_000;

/** The time now, re-read every tick, so a screen's times and groupings move on by themselves. */
export function useNow(tickMs = LIST_CLOCK_TICK_MS): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now;
}
