import { io, type Socket } from 'socket.io-client';
import { CALL_NAMESPACE, type CallServerEvents, type TabletEmits, type VisitorEmits } from '../shared/index.js';

/**
 * A call's signalling connection on the relay's `/call` namespace. A tablet is known by its
 * ward session cookie; a visitor by their visitor session cookie (their link's token, swapped). socket.io-client stays in
 * this module (one adapter per library: docs/architecture.md).
 */
export interface CallChannel<Emits> {
  emit<E extends keyof Emits & string>(event: E, payload: Emits[E]): void;
  on<E extends keyof CallServerEvents>(event: E, handler: CallServerEvents[E]): void;
  /** Called with true on every (re)connection, false on every drop or failed attempt. */
  onConnection(handler: (connected: boolean) => void): void;
  /** The relay refused this socket at the handshake (link closed, signed out): final. */
  onRefused(handler: (code: string, message: string) => void): void;
  close(): void;
}

/** After the server closed the socket (a restart), wait about this long (plus jitter) to reconnect. */
const SERVER_CLOSED_RETRY_MS = 1_000;

function openChannel<Emits>(auth: Record<string, string> | undefined): CallChannel<Emits> {
  const socket: Socket = io(CALL_NAMESPACE, { withCredentials: true, ...(auth ? { auth } : {}) });
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const connectionHandlers: ((connected: boolean) => void)[] = [];
  socket.on('connect', () => connectionHandlers.forEach((handler) => handler(true)));
  // A failed attempt counts as "not connected" too, so a screen never waits in silence.
  socket.on('connect_error', () => connectionHandlers.forEach((handler) => handler(false)));
  socket.on('disconnect', (reason) => {
    connectionHandlers.forEach((handler) => handler(false));
    // socket.io retries by itself except after a server-side close (restart, rolling update).
    if (reason === 'io server disconnect' && !closed) retry = setTimeout(() => socket.connect(), SERVER_CLOSED_RETRY_MS * (1 + Math.random()));
  });
  // Wi-Fi back or the page woken: try at once rather than wait for socket.io's backoff.
  const reconnectNow = () => {
    if (!socket.connected && socket.active) socket.connect();
  };
  window.addEventListener('online', reconnectNow);
  return {
    emit: (event, payload) => void socket.emit(event, payload),
    on: (event, handler) => void socket.on(event as string, handler as (...args: unknown[]) => void),
    onConnection: (handler) => void connectionHandlers.push(handler),
    onRefused: (handler) =>
      void socket.on('connect_error', (error: Error & { data?: { code?: string; message?: string } }) => {
        // Only a refusal by the relay's handshake is final; socket.io keeps retrying network errors.
        if (!socket.active && error.data?.code) handler(error.data.code, error.data.message ?? 'You cannot join this call.');
      }),
    close() {
      closed = true;
      clearTimeout(retry);
      window.removeEventListener('online', reconnectNow);
      socket.close();
    },
  };
}

/** The ward tablet's call connection, authorised by its session cookie. */
export const openTabletChannel = (): CallChannel<TabletEmits> => openChannel<TabletEmits>(undefined);

/**
 * A visitor's call connection, authorised by their visitor session cookie. `as` says which
 * cookie to go by: a ward's staff may open a visitor's link on a signed-in tablet.
 */
export const openVisitorChannel = (): CallChannel<VisitorEmits> => openChannel<VisitorEmits>({ as: 'visitor' });
