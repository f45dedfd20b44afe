import type { ApiErrorCode, Command } from '../shared/index.js';

/**
 * A change made on this tablet that the server has not confirmed. It keeps its idempotency key
 * (inside the command) through every retry, so the server applies it exactly once.
 */
export interface OutboxEntry {
  /** Order of making, assigned by IndexedDB: entries are sent strictly in this order. */
  seq?: number;
  command: Command;
  /** When the nurse made the change (ISO). */
  madeAt: string;
  /** Set when the server refused it: the entry stays, with the reason, until discarded or edited. */
  refusal: { code: ApiErrorCode; message: string } | null;
}

/** Retries start soon and back off to a minute: a tablet may be offline for hours. */
export const RETRY_FIRST_MS = 1_000;
export const RETRY_MAX_MS = 60_000;

/**
 * How long to wait before retry number `attempt` (1, 2, ...): doubling, capped, with jitter so
 * the ward's tablets do not all come back at the same instant after an outage.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The next entry to send: the oldest one not refused. Refused ones wait for the nurse. */
export function nextToSend(entries: readonly OutboxEntry[]): OutboxEntry | undefined {
  return [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).find((entry) => entry.refusal === null);
}

/** Adding a change whose key is already queued (a double tap that got through) keeps one copy. */
export function isQueued(entries: readonly OutboxEntry[], command: Command): boolean {
  return entries.some((entry) => entry.command.key === command.key);
}
