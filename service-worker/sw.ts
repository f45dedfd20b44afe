/**
 * The ward tablet's service worker: precaches the app shell and answers every screen's
 * address from it, so the app opens with no network. It never answers /api or /socket.io.
 * A new version installs in the background and waits until the page says SKIP_WAITING
 * (the nurse pressed "Update now", and no call was in progress).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isPageToWorkerMessage, OUTBOX_SYNC_TAG, type WorkerToPageMessage } from '../src/shared/sw-messages.js';
// Straight to the modules, not src/visits/index.ts, so the worker's bundle stays small.
import { createApiClient } from '../src/visits/api-client.js';
import { drainOutbox } from '../src/visits/sync.js';
import { FILE_PATH, isNetworkOnly, NETWORK_ONLY, shellPageFor } from './routes.js';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

const VERSION = __BUILD_VERSION__;

// Registered before Workbox's own fetch listener, so it runs first: API and socket requests
// go to the network as if there were no worker (no respondWith), and no later listener sees them.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin === self.location.origin && isNetworkOnly(url.pathname)) event.stopImmediatePropagation();
});

// The shell: the three pages, JS, CSS, images and icons (globPatterns in vite.config.ts).
// Hashed assets are answered cache-first; old versions' caches are removed on activate.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every screen's address is answered from the precached page of its surface, also online:
// the page and its scripts then always come from one version, the one this worker holds,
// until the nurse applies an update. A network-first page would mix a new page with an old
// worker and stall on a ward Wi-Fi that is connected but not passing traffic.
const pages = {
  '/index.html': createHandlerBoundToURL('/index.html'),
  '/visit.html': createHandlerBoundToURL('/visit.html'),
  '/admin.html': createHandlerBoundToURL('/admin.html'),
};
registerRoute(
  new NavigationRoute((options) => pages[shellPageFor(options.url.pathname)](options), {
    denylist: [...NETWORK_ONLY, FILE_PATH],
  }),
);

// The first install takes the open page at once, so it works offline without a reload.
// Updates still wait: clients.claim() only affects pages no worker controls.
clientsClaim();

self.addEventListener('message', (event) => {
  const message: unknown = event.data;
  if (!isPageToWorkerMessage(message)) return;
  switch (message.type) {
    case 'SKIP_WAITING':
      void self.skipWaiting();
      break;
    case 'GET_VERSION': {
      const answer: WorkerToPageMessage = { type: 'VERSION', version: VERSION };
      event.ports[0]?.postMessage(answer);
      break;
    }
  }
});

// Background Sync: the browser wakes the worker when the network returns, even with the
// tablet's page closed, and the worker sends the outbox exactly as the page would (same keys,
// same order; a Web Lock keeps it from running alongside the page's own drain).
// SyncEvent is not in TypeScript's WebWorker lib.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
self.addEventListener('sync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const sync = event as unknown as SyncEvent;
  // A rejected promise tells the browser to try again later, with its own backoff.
  if (sync.tag === OUTBOX_SYNC_TAG) {
    sync.waitUntil(
      drainOutbox(createApiClient()).then(({ outcome }) => {
        if (outcome === 'retry-later') throw new Error('The server could not be reached; Background Sync will try again.');
      }),
    );
  }
});
