import type { SessionInfo } from '../shared/index.js';
import { ApiError, cachedSession, NetworkError, rememberSession, type ApiClient } from '../visits/index.js';

export type SessionCheck =
  | { state: 'checking' }
  | { state: 'signed-out' }
  | { state: 'failed'; message: string }
  | { state: 'signed-in'; session: SessionInfo };

/**
 * Who is signed in on this tablet. Online the server says; offline the device's copy of the
 * last session opens the app, because the visit list must show with no network.
 */
export async function checkSession(api: Pick<ApiClient, 'getSession' | 'signOut'>): Promise<SessionCheck> {
  if (signOutPending()) return finishSignOut(api);
  try {
    const session = await api.getSession();
    await rememberSession(session);
    return { state: 'signed-in', session };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_signed_in') return { state: 'signed-out' };
    if (!(error instanceof NetworkError)) return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
    const kept = await cachedSession();
    // A session lasts one shift, on the device too: after it, signing in needs the server.
    if (kept && Date.parse(kept.expiresAt) > Date.now()) return { state: 'signed-in', session: kept };
    return { state: 'failed', message: 'You are offline. Connect this tablet to the internet to sign in.' };
  }
}

/**
 * Sign-out offline wipes the device at once, but only the server can end the session behind
 * the HttpOnly cookie. Until it has, the tablet stays signed out and keeps asking.
 */
const SIGN_OUT_PENDING = 'ward-visits-sign-out-pending';

export function markSignOutPending(pending: boolean): void {
  if (pending) localStorage.setItem(SIGN_OUT_PENDING, 'yes');
  else localStorage.removeItem(SIGN_OUT_PENDING);
}

function signOutPending(): boolean {
  return localStorage.getItem(SIGN_OUT_PENDING) !== null;
}

async function finishSignOut(api: Pick<ApiClient, 'signOut'>): Promise<SessionCheck> {
  try {
    await api.signOut();
    markSignOutPending(false);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_signed_in') markSignOutPending(false);
  }
  return { state: 'signed-out' };
}
