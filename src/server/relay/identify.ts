import type { Socket } from 'socket.io';
import { joinState, type CallError } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import { SESSION_COOKIE, wardForToken } from '../http/access.js';
import { TOKEN_SHAPE } from '../http/join-routes.js';
import type { JoinLinks } from '../security/join-links.js';
import { findVisitByJoinTokenHash } from '../store/visits.js';

export interface Identity {
  role: 'ward' | 'visitor';
  wardId: string;
  /** A visitor's visit from their link; a tablet's from "start". */
  visitId: string | null;
}

export interface IdentifyDeps {
  context: AppContext;
  joinLinks: JoinLinks;
  parseCookie: (header: string) => Record<string, string | undefined>;
}

/** Who a socket is: a visitor by their link's token, or a tablet by its ward session. Default deny. */
export async function identify(socket: Socket, deps: IdentifyDeps): Promise<Identity | CallError> {
  const token: unknown = socket.handshake.auth?.token;
  if (typeof token === 'string') {
    const found = TOKEN_SHAPE.test(token) ? await findVisitByJoinTokenHash(deps.context.db, deps.joinLinks.hashOf(token)) : undefined;
    if (!found) return { code: 'not_found', message: 'This link does not work.' };
    if (joinState(found.visit, deps.context.now()) !== 'open') return { code: 'link_closed', message: 'This visit cannot be joined now.' };
    return { role: 'visitor', wardId: found.wardId, visitId: found.visit.id };
  }
  const ward = await wardForToken(deps.context, deps.parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE]);
  if (ward) return { role: 'ward', wardId: ward.ward.id, visitId: null };
  return { code: 'not_allowed', message: 'Sign in, or open the link the ward sent you.' };
}
