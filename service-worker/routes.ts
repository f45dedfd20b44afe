/**
 * Which requests the worker may answer. Kept apart from sw.ts so the rules read as data.
 * The API and the socket are never answered from a cache: IndexedDB is the one offline copy
 * of visit data, and it knows its age (docs/platform-notes.md, "Service worker and storage").
 */

/** Paths the worker must leave to the network, whatever the request. */
export const NETWORK_ONLY = [/^\/api(\/|$)/, /^\/socket\.io(\/|$)/];

/** Navigations to a file (robots.txt, an image) are not app screens: same rule as the server's fallback. */
export const FILE_PATH = /\.[a-z0-9]+$/i;

export function isNetworkOnly(pathname: string): boolean {
  return NETWORK_ONLY.some((pattern) => pattern.test(pathname));
}

/** The precached page for a screen's address: same rule as src/server/http/static-ui.ts. */
export function shellPageFor(pathname: string): '/visit.html' | '/admin.html' | '/index.html' {
  if (pathname === '/visit' || pathname.startsWith('/visit/')) return '/visit.html';
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return '/admin.html';
  return '/index.html';
}
