import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { AppContext } from '../context.js';
import { SESSION_COOKIE, wardForToken } from '../http/access.js';

/**
 * The realtime relay on the same port as HTTP. Default deny: a socket without a live ward
 * session is refused at the handshake. A signed-in tablet joins its ward's room, where later
 * features push visit changes and call signalling.
 */
export function createRelay(
  httpServer: HttpServer,
  context: AppContext,
  parseCookie: (header: string) => Record<string, string | undefined>,
): Server {
  const io = new Server(httpServer, { serveClient: false, cors: { origin: false } });
  io.use(async (socket, next) => {
    try {
      const cookies = parseCookie(socket.handshake.headers.cookie ?? '');
      const found = await wardForToken(context, cookies[SESSION_COOKIE]);
      if (!found) return next(new Error('not_signed_in'));
      socket.data.wardId = found.ward.id;
      await socket.join(`ward:${found.ward.id}`);
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error('relay_error'));
    }
  });
  return io;
}
