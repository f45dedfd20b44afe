import { useEffect, useState } from 'preact/hooks';

/**
 * A tiny router over the History API: screens are chosen by path, and a one-off notice
 * ("Visit changed") or problem can ride along in history.state to the next screen.
 */
export interface NavigationState {
  notice?: string;
  problem?: string;
}

const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean; state?: NavigationState } = {}) {
  const state = options.state ?? {};
  if (options.replace) history.replaceState(state, '', path);
  else history.pushState(state, '', path);
  for (const listener of listeners) listener();
}

export function navigationState(): NavigationState {
  return (history.state as NavigationState | null) ?? {};
}

/** The current path; re-renders on navigate() and on the browser's back and forward. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

/** Local links navigate in the page; new tabs, downloads and in-page anchors keep browser behaviour. */
export function interceptLinkClicks(root: HTMLElement) {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href');
    if (!link || !href || !href.startsWith('/') || link.target || link.hasAttribute('download')) return;
    event.preventDefault();
    navigate(href);
  });
}

export type Route =
  | { screen: 'sign-in' }
  | { screen: 'sign-out' }
  | { screen: 'list' }
  | { screen: 'book' }
  | { screen: 'visit'; id: string }
  | { screen: 'change'; id: string }
  | { screen: 'cancel'; id: string }
  | { screen: 'rebook'; id: string }
  | { screen: 'call'; id: string }
  | { screen: 'not-found' };

const VISIT_PATH = /^\/visits\/([0-9a-f-]{36})(?:\/(change|cancel|rebook|call))?$/i;

export function matchRoute(path: string): Route {
  if (path === '/sign-in') return { screen: 'sign-in' };
  if (path === '/sign-out') return { screen: 'sign-out' };
  if (path === '/') return { screen: 'list' };
  if (path === '/visits/new') return { screen: 'book' };
  const visit = VISIT_PATH.exec(path);
  if (visit) return { screen: (visit[2] as 'change' | 'cancel' | 'rebook' | 'call' | undefined) ?? 'visit', id: visit[1]! };
  return { screen: 'not-found' };
}
