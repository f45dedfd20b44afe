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

/** Answers whether to go on to `path`; false keeps the screen (it asks the person instead). */
export type LeaveGuard = (path: string) => boolean;
let guard: { allow: LeaveGuard; path: string; state: unknown } | null = null;

/**
 * While a screen must not be left by accident (a call), every way out of it in the page asks
 * it first: links, navigate(), and the browser's back and forward. Returns the way to stop.
 */
export function guardLeaving(allow: LeaveGuard): () => void {
  const mine = { allow, path: location.pathname, state: history.state as unknown };
  guard = mine;
  return () => {
    if (guard === mine) guard = null;
  };
}

export function navigate(path: string, options: { replace?: boolean; state?: NavigationState; force?: boolean } = {}) {
  if (guard && !options.force && path !== guard.path && !guard.allow(path)) return;
  const state = options.state ?? {};
  if (options.replace) history.replaceState(state, '', path);
  else history.pushState(state, '', path);
  for (const listener of listeners) listener();
}

export function navigationState(): NavigationState {
  return (history.state as NavigationState | null) ?? {};
}

/**
 * Back or forward: the browser has already moved, so a guarded screen that says no is put
 * back as the newest entry (history cannot be cancelled).
 */
function browserMoved() {
  if (guard && location.pathname !== guard.path && !guard.allow(location.pathname)) {
    history.pushState(guard.state, '', guard.path);
    return;
  }
  for (const listener of listeners) listener();
}

/** The current path; re-renders on navigate() and on the browser's back and forward. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    if (listeners.size === 0) addEventListener('popstate', browserMoved);
    listeners.add(update);
    return () => {
      listeners.delete(update);
      if (listeners.size === 0) removeEventListener('popstate', browserMoved);
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
