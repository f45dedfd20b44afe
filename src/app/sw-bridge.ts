/**
 * The page's one way to its service worker, and the only importer of workbox-window
 * (docs/architecture.md). Registers /sw.js, notices when a new version is waiting, applies it when the
 * nurse asks (never during a call), and asks for Background Sync and persistent storage.
 */
import { messageSW, Workbox } from 'workbox-window';
import { isVersionMessage, type GetVersionMessage } from '../shared/sw-messages.js';
import { isCallInProgress, onCallActivity } from './call-activity.js';

/** At the site root, so the worker's scope is every screen. */
const SW_URL = '/sw.js';
/** A worker that does not answer GET_VERSION within this is treated as having no version. */
const VERSION_TIMEOUT_MS = 5_000;

type UpdateListener = () => void;
export type ApplyOutcome = 'applying' | 'after-call';

let workbox: Workbox | undefined;
let updateAvailable = false;
let applyWanted = false;
let applying = false;
const updateListeners = new Set<UpdateListener>();

/** Registers the worker (production builds with service worker support only). Safe to call twice. */
export function startServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || workbox) return;
  const wb = new Workbox(SW_URL);
  workbox = wb;
  // Fired for a worker that installed while this page runs, and for one already waiting when
  // the page loaded (wasWaitingBeforeRegister).
  wb.addEventListener('waiting', () => {
    updateAvailable = true;
    for (const listener of updateListeners) listener();
  });
  wb.register().catch((error: unknown) => {
    // The app still works online without a worker; only the offline start is lost.
    console.error('The offline app could not be installed:', error);
  });
  // A tablet stays open for days: look for a new version whenever it is looked at again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate();
  });
  // A page restored from the back-forward cache skipped register()'s own check.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) checkForUpdate();
  });
  void askForPersistentStorage();
}

function checkForUpdate(): void {
  // Offline, the check fails; that is normal and the next visibilitychange tries again.
  workbox?.update().catch(() => undefined);
}

/** Calls `listener` when a new version is waiting (at once if one already is). Returns an unsubscribe. */
export function onUpdateAvailable(listener: UpdateListener): () => void {
  updateListeners.add(listener);
  if (updateAvailable) listener();
  return () => updateListeners.delete(listener);
}

/**
 * Activates the waiting version and reloads the page once it controls it. While a call is in
 * progress it waits, and applies when the call ends (call-activity.ts), so an update never
 * reloads a call away.
 */
export function applyUpdate(): ApplyOutcome {
  applyWanted = true;
  if (isCallInProgress()) return 'after-call';
  applyNow();
  return 'applying';
}

onCallActivity((inCall) => {
  if (!inCall && applyWanted) applyNow();
});

function applyNow(): void {
  applyWanted = false;
  const wb = workbox;
  if (!wb || applying) return;
  applying = true;
  void navigator.serviceWorker.getRegistration().then((registration) => {
    // Another tab may already have activated it: then only this page is still old.
    if (!registration?.waiting) return window.location.reload();
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    wb.messageSkipWaiting();
  });
}

/** The build stamp of the worker controlling this page, or undefined if none controls it. */
export async function getVersion(): Promise<string | undefined> {
  const controller = 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
  if (!controller) return undefined;
  const ask: GetVersionMessage = { type: 'GET_VERSION' };
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, VERSION_TIMEOUT_MS, undefined));
  const answer: unknown = await Promise.race([messageSW(controller, ask), timeout]);
  return isVersionMessage(answer) ? answer.version : undefined;
}

/** Background Sync is not in TypeScript's DOM lib yet (https://wicg.github.io/background-sync/spec/). */
interface SyncCapableRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/**
 * Asks the browser to fire a `sync` event with `tag` in the worker once the network is back,
 * even if the page has closed. Resolves false where the browser has no Background Sync or
 * refuses it: the page's own triggers (online, visibilitychange, timers) still run then.
 */
export async function requestBackgroundSync(tag: string): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  const registration: SyncCapableRegistration | undefined = await navigator.serviceWorker.getRegistration();
  if (!registration?.sync) return false;
  try {
    await registration.sync.register(tag);
    return true;
  } catch {
    // NotAllowedError when the user or policy has turned Background Sync off.
    return false;
  }
}

/**
 * Persistent storage keeps IndexedDB from being evicted under storage pressure. Browsers may
 * refuse (not granted by default: docs/platform-notes.md); the app then works the same, at that risk.
 */
async function askForPersistentStorage(): Promise<void> {
  try {
    if (!navigator.storage?.persisted || (await navigator.storage.persisted())) return;
    await navigator.storage.persist();
  } catch {
    // Refused or unsupported: nothing the nurse can do about it, so nothing to say.
  }
}
