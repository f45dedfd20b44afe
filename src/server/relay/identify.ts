import type { Socket } from 'socket.io';
import { TURNED_AWAY_MESSAGE, joinState, type CallError } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import { SESSION_COOKIE, VISITOR_COOKIE, wardForToken } from '../http/access.js';
import type { AddressThrottle } from '../security/address-throttle.js';
import { clientAddress, type ProxyTrust } from '../security/proxy-trust.js';
import { sha256 } from '../security/tokens.js';
import { sessionEverIssued } from '../store/sessions.js';
import { findLiveVisitorSession, visitorSessionEverIssued } from '../store/visitor-sessions.js';
import { findVisitBehindLink } from '../store/visits.js';

export interface Identity {
  role: 'ward' | 'visitor';
  wardId: string;
  /** A visitor's visit from their session; a tablet's from "start". */
  visitId: string | null;
  /** A tablet's session, by its token's hash, so sign-out and revocation can close the socket. */
  sessionHash: string | null;
  /** A visitor's session, so the ward turning them away can mark it. */
  visitorSessionHash?: string;
}

export interface IdentifyDeps {
  context: AppContext;
  parseCookie: (header: string) => Record<string, string | undefined>;
  throttle: AddressThrottle;
  logError: (error: unknown) => void;
}

const TOO_MANY: CallError = { code: 'rate_limited', message: 'Too many wrong tries from this network. Try again later.' };

/**
 * Who a socket is: a visitor by their visitor session (the link's token swapped for a cookie,
 * asked for with `auth: { as: 'visitor' }`, since one browser may hold both cookies), or a
 * tablet by its ward session. Default deny. A made-up cookie counts against the address, like
 * a wrong PIN; a stale one (a shift over, a visit ended) does not, or a hospital's tablets
 * reconnecting at shift change behind one address would lock each other out.
 */
export async function identify(socket: Socket, deps: IdentifyDeps): Promise<Identity | CallError> {
  const address = socketAddress(socket, deps.context.config.trustProxy);
  const now = deps.context.now();
  if (await notCounted(deps, deps.throttle.blockedUntil(address, now.getTime()), null)) return TOO_MANY;
  const cookies = deps.parseCookie(socket.handshake.headers.cookie ?? '');
  const asVisitor = socket.handshake.auth?.as === 'visitor';
  const presented = asVisitor ? cookies[VISITOR_COOKIE] : cookies[SESSION_COOKIE];
  const found = asVisitor ? await visitorIdentity(deps, presented, now) : await wardIdentity(deps, presented);
  if ('code' in found && presented && !(await everIssued(deps, asVisitor, presented))) await notCounted(deps, deps.throttle.recordFailure(address, now.getTime()), null);
  return found;
}

/**
 * Unlike sign-in, a socket is not refused when the per-address counts cannot be reached
 * (Redis down): it carries a 256-bit session token, not a guessable PIN, and refusing would cut
 * every tablet and visitor coming back to a call. The failure is logged; the step answers as if
 * nothing were counted.
 */
async function notCounted<T>(deps: IdentifyDeps, step: Promise<T>, fallback: T): Promise<T> {
  return step.catch((error: unknown) => {
    deps.logError(error);
    return fallback;
  });
}

function everIssued(deps: IdentifyDeps, asVisitor: boolean, token: string): Promise<boolean> {
  return asVisitor ? visitorSessionEverIssued(deps.context.db, token) : sessionEverIssued(deps.context.db, token);
}

/**
 * The device's address, by exactly the rule HTTP's request.ip follows: the peer's own, or
 * behind the proxies TRUST_PROXY names, the X-Forwarded-For entry they appended. The
 * handshake's cached address, not its request's socket: a long poll's may be closed by now.
 */
function socketAddress(socket: Socket, trust: ProxyTrust | null): string {
  return clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], trust);
}

async function visitorIdentity(deps: IdentifyDeps, token: string | undefined, now: Date): Promise<Identity | CallError> {
  const session = token ? await findLiveVisitorSession(deps.context.db, token, now) : undefined;
  const found = session ? await findVisitBehindLink(deps.context.db, { visitId: session.visitId }) : undefined;
  if (!found) return { code: 'not_found', message: 'Open the link the ward sent you again.' };
  if (session!.turnedAway) return { code: 'turned_away', message: TURNED_AWAY_MESSAGE };
  if (found.wardArchived || joinState(found.visit, now) !== 'open') return { code: 'link_closed', message: 'This visit cannot be joined now.' };
  return { role: 'visitor', wardId: found.wardId, visitId: found.visit.id, sessionHash: null, visitorSessionHash: session!.tokenHash };
}

async function wardIdentity(deps: IdentifyDeps, token: string | undefined): Promise<Identity | CallError> {
  const ward = await wardForToken(deps.context, token);
  if (ward && token) return { role: 'ward', wardId: ward.ward.id, visitId: null, sessionHash: sha256(token) };
  return { code: 'not_allowed', message: 'Sign in, or open the link the ward sent you.' };
}
