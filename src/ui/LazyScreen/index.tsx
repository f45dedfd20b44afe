import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A screen whose code is fetched the first time it is shown, so a page's first load carries only
 * the screens it opens with (issue 16's budgets, bench/bundle-budget). The service worker
 * precaches every chunk, so on the ward tablet this works offline too.
 *
 * Each loader is called once per page: the promise is kept, so coming back to a screen renders
 * it at once. If fetching fails (offline before the worker had cached it), `Failed` is shown
 * with a way to try again, which reloads the page: a browser keeps a failed module fetch in the
 * page's module map and answers every later import() of that file with the same failure
 * (https://html.spec.whatwg.org/multipage/webappapis.html#fetch-a-single-module-script; measured
 * in Chromium 156 by tests/e2e/screen-not-loaded.test.ts). A reload starts a new map, and the
 * tablet's data is on the device, so nothing typed is lost.
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
        // A later showing tries again (and fails again until the page is reloaded, see above).
        loading = null;
        throw error;
      },
    );
    return loading;
  };

  function LazyScreen(props: Props) {
    const [component, setComponent] = useState<ComponentType<Props> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      let live = true;
      start().then(
        (found) => live && setComponent(() => found),
        (error: unknown) => {
          // Shown to the person as `Failed`, and logged once for whoever looks at the console.
          console.error('A screen could not be loaded', error);
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [component]);

    if (component) {
      const Screen = component;
      return <Screen {...props} />;
    }
    if (failed) return <Failed onRetry={() => location.reload()} />;
    return <Loading />;
  }
  /** Fetches the screen's code now, without showing it. */
  LazyScreen.preload = () =>
    void start().catch(() => {
      // Not lost: the failure is reported (shown and logged) when the screen is shown, by the effect above.
    });
  return LazyScreen;
}
