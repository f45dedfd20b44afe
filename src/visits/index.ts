export { createApiClient, requestJson, type ApiClient } from './api-client.js';
export { ApiError, NetworkError, OFFLINE_MESSAGE } from './errors.js';
export { deleteWardData } from './db.js';
export { type ListedVisit } from './local-view.js';
export { type OutboxEntry } from './outbox.js';
export { drainOutbox, type DrainResult } from './sync.js';
export { createVisitStore, type VisitState, type VisitStore } from './store.js';
export { checkPin, rememberPin } from './unlock.js';
export { cachedSession, rememberSession } from './session-cache.js';

/** One key per change: a retry of the same change reuses it, so the server applies it once. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Ids for the visits a booking creates, one a day, chosen here so they work before sending. */
export function newVisitIds(days: number): string[] {
  return Array.from({ length: days }, () => crypto.randomUUID());
}
