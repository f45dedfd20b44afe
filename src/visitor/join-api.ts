import type { ApiErrorBody } from '../shared/api.js';
import type { ClosedVisitInfo, JoinInfo } from '../shared/join.js';

export type JoinLookup =
  | { kind: 'found'; info: JoinInfo }
  /** The visit was cancelled or has ended: when it was, and whom to ask. */
  | { kind: 'closed'; visit: ClosedVisitInfo }
  /** The link names no visit the server knows: made up, cut short, or replaced by a new one. */
  | { kind: 'not-found' }
  /** The ward turned this browser away, or the ward no longer runs visits: in the server's words. */
  | { kind: 'refused'; message: string; turnedAway: boolean }
  | { kind: 'no-link' }
  | { kind: 'offline' };

/** Where the page lives once the token has left the address bar. */
export const VISIT_PATH = '/visit';

/** The token from a join link's address: /visit/<token>. */
export function tokenFromPath(path: string): string | null {
  return /^\/visit\/([^/]+)\/?$/.exec(path)?.[1] ?? null;
}

/**
 * What the server says about the visitor's visit, in words fit to show. With a token (the
 * link was just opened) the token is swapped for a visitor session cookie and then taken out
 * of the address bar, so it is not left in history or on a shared screen; without one (a
 * reload) the cookie says which visit.
 */
export async function lookUpVisit(token: string | null): Promise<JoinLookup> {
  let response: Response;
  try {
    response = token
      ? await fetch('/api/visitor-session', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ token }),
        })
      : await fetch('/api/visitor-session', { headers: { accept: 'application/json' } });
  } catch {
    return { kind: 'offline' };
  }
  if (response.ok) {
    if (token) history.replaceState(history.state, '', VISIT_PATH);
    return { kind: 'found', info: (await response.json()) as JoinInfo };
  }
  // A refused token stays in the address: a reload then asks about the same link again.
  if (!token && response.status === 401) return { kind: 'no-link' };
  const body = (await response.json().catch(() => null)) as Partial<ApiErrorBody> | null;
  if (body?.error?.closedVisit) return { kind: 'closed', visit: body.error.closedVisit };
  if (body?.error?.code === 'link_not_found') return { kind: 'not-found' };
  return { kind: 'refused', message: body?.error?.message ?? 'This link does not work. Ask the ward to send it again.', turnedAway: body?.error?.code === 'turned_away' };
}
