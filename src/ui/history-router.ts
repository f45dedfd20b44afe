import { useEffect, useState } from 'preact/hooks';

/**
 * A tiny router over the History API, for every surface: screens are chosen by path, and a
 * one-off notice ("Visit changed") or problem can ride along in history.state to the next
 * screen. Nothing secret may ride there: history.state outlives the screen.
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

/**
 * Links to the surface's own paths navigate in the page; anything else (new tabs, downloads,
 * in-page anchors, another surface, a file under /api) keeps the browser's own behaviour.
 */
export function interceptLinkClicks(root: HTMLElement, isOwnPath: (href: string) => boolean) {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href');
    if (!link || !href || !isOwnPath(href) || link.target || link.hasAttribute('download')) return;
    event.preventDefault();
    navigate(href);
  });
}
