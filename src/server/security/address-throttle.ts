import { ADDRESS_BLOCK_MINUTES, ADDRESS_MAX_FAILURES, ADDRESS_WINDOW_MINUTES } from '../../shared/index.js';

const MINUTE_MS = 60_000;
/**
 * Addresses remembered at most: a flood from many addresses must not grow memory without end.
 * The oldest is forgotten first (a Map keeps insertion order), which only helps a guesser who
 * already controls this many addresses.
 */
export const MAX_TRACKED_ADDRESSES = 10_000;

interface Record {
  failures: number[];
  blockedUntil: number;
  /** The failures the block cleared, so forgiving the one that blocked can put them back. */
  beforeBlock: number[];
}

/**
 * Counts wrong credentials per network address and refuses an address that has too many,
 * whichever ward code, link or cookie it tries. Kept in this process's memory on purpose:
 * addresses are personal data and are never written down. With several server nodes each
 * counts its own; the per-ward-code lockout in the database still holds across them.
 */
export class AddressThrottle {
  private readonly records = new Map<string, Record>();

  constructor(
    private readonly maxFailures = ADDRESS_MAX_FAILURES,
    private readonly windowMs = ADDRESS_WINDOW_MINUTES * MINUTE_MS,
    private readonly blockMs = ADDRESS_BLOCK_MINUTES * MINUTE_MS,
  ) {}

  /** When the address may try again, if it is refused now. */
  blockedUntil(address: string, now: number): Date | null {
    const until = this.records.get(address)?.blockedUntil ?? 0;
    return until > now ? new Date(until) : null;
  }

  /** Counts one wrong credential; answers when the address is refused until, if this blocked it. */
  recordFailure(address: string, now: number): Date | null {
    const record = this.records.get(address) ?? { failures: [], blockedUntil: 0, beforeBlock: [] };
    this.records.delete(address);
    record.failures = record.failures.filter((at) => at > now - this.windowMs);
    record.failures.push(now);
    if (record.failures.length >= this.maxFailures) {
      record.blockedUntil = now + this.blockMs;
      record.beforeBlock = record.failures;
      record.failures = [];
    }
    this.records.set(address, record);
    if (this.records.size > MAX_TRACKED_ADDRESSES) this.records.delete(this.records.keys().next().value!);
    return record.blockedUntil > now ? new Date(record.blockedUntil) : null;
  }

  /**
   * Undoes a failure recorded at `at` that turned out not to be one: a try is counted before
   * its slow check, so parallel guesses cannot slip past the limit, and a right one is then
   * taken back. If that try is what blocked the address, the block goes too.
   */
  forgive(address: string, at: number): void {
    const record = this.records.get(address);
    if (!record) return;
    if (record.blockedUntil === at + this.blockMs && record.failures.length === 0) {
      record.blockedUntil = 0;
      record.failures = record.beforeBlock;
      record.beforeBlock = [];
    }
    const index = record.failures.lastIndexOf(at);
    if (index >= 0) record.failures.splice(index, 1);
  }
}
