import type { Command, CommandResult } from '../shared/index.js';
import { putNewerVisits, withDb } from './db.js';
import { ApiError } from './errors.js';
import { nextToSend, type OutboxEntry } from './outbox.js';

/**
 * How a drain ended: all sent (or only refused ones left), try again later, or sign in first;
 * and how many changes the server answered, which tells whether it was reached at all.
 */
export interface DrainResult {
  outcome: 'done' | 'retry-later' | 'signed-out';
  answered: number;
}

export interface CommandSender {
  sendCommand(command: Command): Promise<CommandResult>;
}

/** Server refusals that say "not now" rather than "no": the change is kept and retried. */
function isTemporary(error: ApiError): boolean {
  return error.status >= 500 || error.status === 429 || error.status === 408;
}

/** Enough entries to find the next one to send without reading a long outbox every time. */
const LOOK_AHEAD = 50;

async function readNextToSend(): Promise<OutboxEntry | undefined> {
  const first = await withDb((db) => db.getAll('outbox', undefined, LOOK_AHEAD));
  const next = nextToSend(first);
  // Only when the first entries are all refused does the whole outbox need reading.
  if (next || first.length < LOOK_AHEAD) return next;
  return nextToSend(await withDb((db) => db.getAll('outbox')));
}

/** The answer is in: in one transaction the entry leaves the outbox and the visits land. */
async function recordApplied(entry: OutboxEntry, result: CommandResult): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction(['outbox', 'visits'], 'readwrite');
    await putNewerVisits(tx.objectStore('visits'), result.visits);
    await tx.objectStore('outbox').delete(entry.seq!);
    await tx.done;
  });
}

async function recordRefused(entry: OutboxEntry, error: ApiError): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction(['outbox', 'visits'], 'readwrite');
    await tx.objectStore('outbox').put({ ...entry, refusal: { code: error.code, message: error.message } });
    // The server's current visit wins, so the tablet shows what really happened.
    if (error.visit) await tx.objectStore('visits').put(error.visit);
    await tx.done;
  });
}

async function drainOnce(sender: CommandSender, onChange: () => void): Promise<DrainResult> {
  let answered = 0;
  for (;;) {
    const entry = await readNextToSend();
    if (!entry) return { outcome: 'done', answered };
    try {
      await recordApplied(entry, await sender.sendCommand(entry.command));
    } catch (error) {
      if (!(error instanceof ApiError)) return { outcome: 'retry-later', answered };
      if (error.code === 'not_signed_in') return { outcome: 'signed-out', answered };
      if (isTemporary(error)) return { outcome: 'retry-later', answered };
      await recordRefused(entry, error);
    }
    answered += 1;
    onChange();
  }
}

let running: Promise<DrainResult> | null = null;

/**
 * Sends the outbox in order, each change with its own key, until it is empty or the network
 * fails. One drain at a time per page; across tabs and the service worker a Web Lock keeps
 * it to one, and if two ever overlap the server's idempotency keys still apply each once.
 */
export function drainOutbox(sender: CommandSender, onChange: () => void = () => {}): Promise<DrainResult> {
  running ??= (async () => {
    try {
      const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
      if (!locks) return await drainOnce(sender, onChange);
      return (await locks.request('ward-visits-outbox', () => drainOnce(sender, onChange))) as DrainResult;
    } finally {
      running = null;
    }
  })();
  return running;
}
