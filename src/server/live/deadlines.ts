import { GraceTimers } from '../relay/grace-timers.js';

/**
 * Waits that must end in exactly one place: a ward tablet or a visitor's phone lost from a
 * call gets a grace period to come back before its visit is ended or its place given up.
 * In memory for one node; in Redis for several (redis-deadlines.ts), where a wait started on
 * a node that then stops or dies is still ended, once, by another.
 */
export interface Deadlines {
  /** Starts (or starts again) the wait named `key`; its grace period is the relay's. */
  start(key: string): Promise<void>;
  /** The device is back, or the visit ended: true if a wait was running. */
  cancel(key: string): Promise<boolean>;
  /** What to do when a wait runs out. Set once, by the relay. */
  onDue(due: (key: string) => Promise<void>): void;
  /** This node is stopping: it runs no more waits (in Redis, other nodes still will). */
  close(): void;
}

export function memoryDeadlines(graceMs: number, logError: (error: unknown) => void): Deadlines {
  const timers = new GraceTimers(graceMs);
  let due: (key: string) => Promise<void> = async () => {};
  return {
    async start(key) {
      timers.start(key, () => void due(key).catch(logError));
    },
    async cancel(key) {
      return timers.cancel(key);
    },
    onDue(handle) {
      due = handle;
    },
    close: () => timers.close(),
  };
}
