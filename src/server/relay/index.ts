import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { CALL_NAMESPACE, MESSAGES_CHANGED, PRESENCE, SOCKET_MESSAGE_MAX_BYTES, VISITS_CHANGED, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/index.js';
import type { AppContext } from '../context.js';
import { isCrossSite } from '../http/cross-site.js';
import type { AddressThrottle } from '../security/address-throttle.js';
import type { WardEvents } from '../ward-events.js';
import { identify } from './identify.js';
import type { LivePresence } from './presence.js';
import { joinSessionRoom, SESSION_FULL, sessionRoom } from './session-sockets.js';

export type Relay = Server<ClientToServerEvents, ServerToClientEvents>;

const wardRoom = (wardId: string) => `ward:${wardId}`;
export { sessionRoom } from './session-sockets.js';

/**
 * The realtime relay on the same port as HTTP. Default deny: a socket from another website,
 * or without a live ward session, is refused at the handshake. A signed-in tablet joins its
 * ward's room and hears about every change to the ward's visits, and who is at their links
 * (in full when it connects, so a tablet back from a drop misses nothing); it sends nothing.
 */
export function createRelay(
  httpServer: HttpServer,
  context: AppContext,
  events: WardEvents,
  presence: LivePresence,
  parseCookie: (header: string) => Record<string, string | undefined>,
  throttle: AddressThrottle,
  logError: (error: unknown) => void,
): Relay {
  const io: Relay = new Server(httpServer, {
    serveClient: false,
    cors: { origin: false },
    maxHttpBufferSize: SOCKET_MESSAGE_MAX_BYTES,
    // Cross-site WebSocket hijacking: a page elsewhere must not ride a tablet's cookie.
    allowRequest: (request, callback) => {
      const crossSite = isCrossSite(request.headers);
      callback(crossSite ? 'cross_site' : null, !crossSite);
    },
  });
  io.use(async (socket, next) => {
    try {
      const identity = await identify(socket, { context, parseCookie, throttle, logError });
      if ('code' in identity || identity.role !== 'ward') return next(new Error('not_signed_in'));
      if (!joinSessionRoom(io.of('/'), socket, identity)) return next(Object.assign(new Error(SESSION_FULL.code), { data: SESSION_FULL }));
      socket.data.wardId = identity.wardId;
      await socket.join(wardRoom(identity.wardId));
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error('relay_error'));
    }
  });
  events.onVisitsChanged((wardId, visits) => io.to(wardRoom(wardId)).emit(VISITS_CHANGED, { visits }));
  events.onMessagesChanged((wardId, visitId) => io.to(wardRoom(wardId)).emit(MESSAGES_CHANGED, { visitId }));
  presence.onChange((wardId, visits) => io.to(wardRoom(wardId)).emit(PRESENCE, { full: false, visits }));
  io.on('connection', (socket) => {
    presence
      .ward(socket.data.wardId as string)
      .then((visits) => socket.emit(PRESENCE, { full: true, visits }))
      .catch(logError);
  });
  events.onSessionEnded((tokenHash) => {
    io.in(sessionRoom(tokenHash)).disconnectSockets(true);
    io.of(CALL_NAMESPACE).in(sessionRoom(tokenHash)).disconnectSockets(true);
  });
  return io;
}
