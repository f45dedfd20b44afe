import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { VISITS_CHANGED, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import { SESSION_COOKIE, wardForToken } from '../http/access.js';
import { sha256 } from '../security/tokens.js';
import type { WardEvents } from '../ward-events.js';

export type Relay = Server<ClientToServerEvents, ServerToClientEvents>;

const wardRoom = (wardId: string) => `ward:${wardId}`;
/** A room per session, named by the token's hash, so sign-out can close its sockets at once. */
const sessionRoom = (token: string) => `session:${sha256(token)}`;

/**
 * The realtime relay on the same port as HTTP. Default deny: a socket without a live ward
 * session is refused at the handshake. A signed-in tablet joins its ward's room and hears
 * about every change to the ward's visits.
 */
export function createRelay(
  httpServer: HttpServer,
  context: AppContext,
  events: WardEvents,
  parseCookie: (header: string) => Record<string, string | undefined>,
): Relay {
  const io: Relay = new Server(httpServer, { serveClient: false, cors: { origin: false } });
  io.use(async (socket, next) => {
    try {
      const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      const found = await wardForToken(context, token);
      if (!found || !token) return next(new Error('not_signed_in'));
      socket.data.wardId = found.ward.id;
      await socket.join([wardRoom(found.ward.id), sessionRoom(token)]);
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error('relay_error'));
    }
  });
  events.onVisitsChanged((wardId, visits) => io.to(wardRoom(wardId)).emit(VISITS_CHANGED, { visits }));
  events.onSessionEnded((token) => io.in(sessionRoom(token)).disconnectSockets(true));
  return io;
}
