/**
 * A token bucket per socket: a burst of ICE candidates at call set-up is fine, a flood is not.
 * Pure apart from the clock it is given.
 */
export const EVENT_BURST = 120;
export const EVENTS_PER_SECOND = 20;

/** Refusals in a row after which a socket is flooding, not bursting, and is disconnected. */
export const FLOOD_REFUSALS = EVENT_BURST;

export class EventBudget {
  private tokens = EVENT_BURST;
  private last: number;
  private refusedInARow = 0;

  constructor(now: number) {
    this.last = now;
  }

  /** Spends one event; false when the socket is over its budget. */
  take(now: number): boolean {
    this.tokens = Math.min(EVENT_BURST, this.tokens + ((now - this.last) / 1000) * EVENTS_PER_SECOND);
    this.last = now;
    if (this.tokens < 1) {
      this.refusedInARow++;
      return false;
    }
    this.refusedInARow = 0;
    this.tokens -= 1;
    return true;
  }

  /** Whether the socket has kept sending long after it was told to slow down. */
  get flooding(): boolean {
    return this.refusedInARow >= FLOOD_REFUSALS;
  }
}
