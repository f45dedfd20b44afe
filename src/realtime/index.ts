import { io, type Socket } from 'socket.io-client';
import {
  MESSAGES_CHANGED,
  PRESENCE,
  VISITS_CHANGED,
  type ClientToServerEvents,
  type PresenceUpdate,
  type ServerToClientEvents,
  type Visit,
} from '../shared/index.js';
import { checked, messagesChangedSchema, presenceUpdateSchema } from '../shared/push-schemas.js';

/** The page's one socket.io connection. This file is the only importer of socket.io-client. */
export interface RealtimeHandlers {
  onVisitsChanged(visits: Visit[]): void;
  /** Connected again after a drop: pushes may have been missed, so the page refetches. */
  onReconnected(): void;
  /** Who is at each visit's link, checked on arrival: in full on every (re)connection, then changes. */
  onPresence?(update: PresenceUpdate): void;
  /** A visit's text or email moved on (sent, delivered, not delivered), checked on arrival. */
  onMessagesChanged?(visitId: string): void;
  /**
   * true on every connection; false as soon as the socket is lost or a try fails, so the page
   * can say "Offline" without waiting for a request to fail (Wi-Fi up but going nowhere
   * leaves navigator.onLine true).
   */
  onConnectionChange?(connected: boolean): void;
  /** The server refused the session (signed out elsewhere, expired). */
  onRefused?(): void;
}

/** After the server closed the socket, wait about this long (plus jitter) before reconnecting. */
const SERVER_CLOSED_RETRY_MS = 1_000;

export interface RealtimeConnection {
  close(): void;
}

export function connectRealtime(handlers: RealtimeHandlers): RealtimeConnection {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ withCredentials: true });
  let connectedBefore = false;

  socket.on('connect', () => {
    handlers.onConnectionChange?.(true);
    if (connectedBefore) handlers.onReconnected();
    connectedBefore = true;
  });
  let retry: ReturnType<typeof setTimeout> | undefined;
  socket.on('disconnect', (reason) => {
    // Closed by this page (sign-out, the ward's runtime stopping): not the network.
    if (reason !== 'io client disconnect') handlers.onConnectionChange?.(false);
    // socket.io retries by itself except when the server closed the socket: a restart or a
    // rolling update, or a session ended. Try again; an ended session is refused at the handshake.
    if (reason === 'io server disconnect') retry = setTimeout(() => socket.connect(), SERVER_CLOSED_RETRY_MS * (1 + Math.random()));
  });
  socket.on('connect_error', (error) => {
    // A refusal by the server's handshake is final; socket.io stops retrying by itself. The
    // server answered, so the tablet is not offline: it is signed out.
    if (!socket.active && error.message === 'not_signed_in') handlers.onRefused?.();
    else handlers.onConnectionChange?.(false);
  });
  socket.on(VISITS_CHANGED, ({ visits }) => handlers.onVisitsChanged(visits));
  socket.on(PRESENCE, (payload: unknown) => {
    const update = checked(presenceUpdateSchema, payload);
    // Not the payload itself: it carries visitors' names.
    if (!update) return console.warn('A presence update from the server was not valid, so it was ignored.');
    handlers.onPresence?.(update);
  });
  socket.on(MESSAGES_CHANGED, (payload: unknown) => {
    const changed = checked(messagesChangedSchema, payload);
    if (!changed) return console.warn('A message status update from the server was not valid, so it was ignored.');
    handlers.onMessagesChanged?.(changed.visitId);
  });

  // Wi-Fi back, or the tablet woken up: try at once instead of waiting for the backoff.
  const reconnectNow = () => {
    if (!socket.connected && document.visibilityState === 'visible') socket.connect();
  };
  window.addEventListener('online', reconnectNow);
  document.addEventListener('visibilitychange', reconnectNow);

  return {
    close() {
      clearTimeout(retry);
      window.removeEventListener('online', reconnectNow);
      document.removeEventListener('visibilitychange', reconnectNow);
      socket.close();
    },
  };
}
export * from './call-channel.js';
