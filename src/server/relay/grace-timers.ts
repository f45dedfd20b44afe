/**
 * One timer per key for a device that dropped out of a call: a visit's ward tablet, or a
 * visitor's phone. Hospital Wi-Fi drops in lifts and side rooms, so a lost device is given
 * `graceMs` to come back before its visit is ended or its place given up.
 * Real timers (not the injected clock): they only say when to look again; times recorded come
 * from the clock. Unref'd, and all cleared on close, so a stopping server never waits on one
 * or runs one against a closed database.
 */
export class GraceTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly graceMs: number) {}

  /** Waits for a device; `expire` runs if it has not come back in time. */
  start(key: string, expire: () => void): void {
    if (this.closed) return;
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      expire();
    }, this.graceMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  /** The device is back, or the visit ended: stop waiting. True if a wait was running. */
  cancel(key: string): boolean {
    const timer = this.timers.get(key);
    if (!timer) return false;
    clearTimeout(timer);
    this.timers.delete(key);
    return true;
  }

  /** The server is stopping: clear every wait and start no more. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/**
 * When a tablet really went. A closed connection is noticed at once, but a silent one only
 * when its heartbeat times out (socket.io's pingInterval + pingTimeout, 45 s by default), so
 * then the last time anything was heard from it is nearer the truth.
 */
export function whenLost(reason: string, lastHeard: Date, now: Date): Date {
  return reason === 'ping timeout' ? lastHeard : now;
}
