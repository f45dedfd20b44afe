/**
 * Messages between a page and its service worker (postMessage). The page sends
 * `PageToWorkerMessage`; a message that expects an answer carries a MessagePort
 * (workbox-window's `messageSW`), and the worker answers on it with a `WorkerToPageMessage`.
 * Each side checks what arrives with the guards below: postMessage data is untyped.
 */

/** Activate the waiting worker now. Same shape as workbox-window's `messageSkipWaiting()`. */
export interface SkipWaitingMessage {
  type: 'SKIP_WAITING';
}

/** Which build is this worker? Answered with a `VersionMessage`. */
export interface GetVersionMessage {
  type: 'GET_VERSION';
}

export interface VersionMessage {
  type: 'VERSION';
  /** The build stamp baked into sw.js at build time; a different stamp is a different build. */
  version: string;
}

export type PageToWorkerMessage = SkipWaitingMessage | GetVersionMessage;

/** The Background Sync tag under which the worker sends the outbox when the network returns. */
export const OUTBOX_SYNC_TAG = 'ward-visits-outbox';
export type WorkerToPageMessage = VersionMessage;

function typeOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
}

export function isPageToWorkerMessage(value: unknown): value is PageToWorkerMessage {
  const type = typeOf(value);
  return type === 'SKIP_WAITING' || type === 'GET_VERSION';
}

export function isVersionMessage(value: unknown): value is VersionMessage {
  return typeOf(value) === 'VERSION' && typeof (value as { version?: unknown }).version === 'string';
}
