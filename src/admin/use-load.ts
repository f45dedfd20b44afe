import { useCallback, useEffect, useState } from 'preact/hooks';
import { problemText } from './api.js';

export type Loaded<T> = { state: 'loading' } | { state: 'loaded'; data: T } | { state: 'failed'; message: string };

/**
 * Loads what a screen shows when it opens, and again on `reload()`. A failure becomes the
 * screen's words (see LoadFailed), never a blank page. A late answer for an older request
 * is dropped, so a quick second request cannot be overwritten by the first.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    run().then(
      (data) => current && setLoaded({ state: 'loaded', data }),
      (error: unknown) => current && setLoaded({ state: 'failed', message: problemText(error) }),
    );
    return () => {
      current = false;
    };
  }, [run, round]);
  return [loaded, useCallback(() => setRound((n) => n + 1), [])];
}
