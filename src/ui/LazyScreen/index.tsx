import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A screen whose code is fetched the first time it is shown, so a page's first load carries only
 * the screens it opens with (issue 16's budgets, bench/bundle-budget). The service worker
 * precaches every chunk, so on the ward tablet this works offline too.
 *
 * Each loader is called once per page: the promise is kept, so coming back to a screen renders
 * it at once. If fetching fails (offline before the worker had cached it), `Failed` is shown
 * with a way to try again, which calls the loader afresh.
 */
export interface ScreenLoader<Props> {
  (): Promise<ComponentType<Props>>;
}

export interface LoadFailedProps {
  onRetry: () => void;
}

export function lazyScreen<Props extends object>(load: ScreenLoader<Props>, Failed: ComponentType<LoadFailedProps>, Loading: () => JSX.Element | null) {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<ComponentType<Props>> | null = null;
  const start = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };

  function LazyScreen(props: Props) {
    const [component, setComponent] = useState<ComponentType<Props> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (component) return;
      let live = true;
      start().then(
        (found) => live && setComponent(() => found),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [component, attempt]);

    if (component) {
      const Screen = component;
      return <Screen {...props} />;
    }
    if (failed) return <Failed onRetry={() => { setFailed(false); setAttempt((n) => n + 1); }} />;
    return <Loading />;
  }
  /** Fetches the screen's code now, without showing it; a failure is left for showing to report. */
  LazyScreen.preload = () => void start().catch(() => {});
  return LazyScreen;
}
