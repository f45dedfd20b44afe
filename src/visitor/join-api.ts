import type { ApiErrorBody } from '../shared/api.js';
import type { JoinInfo } from '../shared/join.js';

export type JoinLookup = { kind: 'found'; info: JoinInfo } | { kind: 'refused'; message: string } | { kind: 'offline' };

/** The token from a join link's address: /visit/<token>. */
export function tokenFromPath(path: string): string | null {
  return /^\/visit\/([^/]+)\/?$/.exec(path)?.[1] ?? null;
}

/** What the server says about the visit behind the link, in words fit to show. */
export async function lookUpJoinLink(token: string): Promise<JoinLookup> {
  let response: Response;
  try {
    response = await fetch(`/api/join/${encodeURIComponent(token)}`, { headers: { accept: 'application/json' } });
  } catch {
    return { kind: 'offline' };
  }
  if (response.ok) return { kind: 'found', info: (await response.json()) as JoinInfo };
  const body = (await response.json().catch(() => null)) as Partial<ApiErrorBody> | null;
  return { kind: 'refused', message: body?.error?.message ?? 'This link does not work. Ask the ward to send it again.' };
}
