import { connectRealtime } from '../realtime/index.js';
import { OUTBOX_SYNC_TAG } from '../shared/sw-messages.js';
import type { SessionInfo } from '../shared/index.js';
import { createMessageChanges, type MessageChanges } from './message-changes.js';
import { createPresenceBoard, type PresenceBoard } from './presence-board.js';
import { requestBackgroundSync } from './sw-bridge.js';
import { createVisitStore, type ApiClient, type VisitStore } from '../visits/index.js';

export interface WardRuntime {
  store: VisitStore;
  /** Who is at each visit's link, live from the socket. */
  presence: PresenceBoard;
  /** A visit's texts or emails moved on: its open page asks the server again. */
  messages: MessageChanges;
  stop(): void;
}

/**
 * Everything that runs while a ward is signed in: the visit store, the socket for live
 * changes and presence, and the triggers that send the outbox (online, tablet woken, socket back).
 */
export function startWardRuntime(session: SessionInfo, api: ApiClient): WardRuntime {
  // Background Sync sends the outbox even if the tablet's page is closed before the network returns.
  const store = createVisitStore({ api, session, onQueued: () => void requestBackgroundSync(OUTBOX_SYNC_TAG) });
  const presence = createPresenceBoard();
  const messages = createMessageChanges();
  const realtime = connectRealtime({
    onVisitsChanged: (visits) => void store.applyPushed(visits),
    onPresence: (update) => presence.apply(update),
    onMessagesChanged: (visitId) => messages.changed(visitId),
    // Pushes may have been missed while the socket was down: read the list (and any open
    // visit's message status) again, send what waits.
    onReconnected: () => {
      messages.changed(null);
      void Promise.all([store.refresh(), store.sync()]);
    },
    // The socket is the first to know the network has gone: "Offline" shows at once, not
    // after the next request fails. Presence is live only, so none is shown while offline.
    onConnectionChange: (connected) => {
      store.setOnline(connected);
      if (!connected) presence.clear();
    },
    // Signed out on another tablet, revoked (a lost tablet) or the shift is over: the next
    // request hears it too, and the app asks for the PIN, keeping unsent changes for after.
    onRefused: () => void store.refresh(),
  });
  const online = () => store.setOnline(true);
  const offline = () => store.setOnline(false);
  const woken = () => {
    if (document.visibilityState === 'visible') void Promise.all([store.refresh(), store.sync()]);
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  document.addEventListener('visibilitychange', woken);
  if (!navigator.onLine) store.setOnline(false);
  void store.start();

  return {
    store,
    presence,
    messages,
    stop() {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      document.removeEventListener('visibilitychange', woken);
      realtime.close();
      store.stop();
    },
  };
}
