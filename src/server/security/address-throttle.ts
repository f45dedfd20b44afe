import { ADDRESS_BLOCK_MINUTES, ADDRESS_MAX_FAILURES, ADDRESS_WINDOW_MINUTES } from '../../shared/index.js';
import { memoryRecords } from '../live/memory-records.js';
import type { LiveRecords, RecordKind } from '../live/index.js';

const MINUTE_MS = 60_000;
/**
 * Addresses remembered at most in one node's memory: a flood from many addresses must not grow
 * memory without end. The least recently tried is forgotten first, which only helps a guesser
 * who already controls this many addresses. (In Redis each record's TTL bounds it instead.)
 */
export const MAX_TRACKED_ADDRESSES = 10_000;

/** One address's (or one ward code and address's) recent wrong tries. */
export interface TriesRecord {
  failures: number[];
  blockedUntil: number;
  /** The failures the block cleared, so forgiving the one that blocked can put them back. */
  beforeBlock: number[];
}

export interface ThrottleLimits {
  maxFailures: number;
  windowMs: number;
  blockMs: number;
}

export const ADDRESS_LIMITS: ThrottleLimits = {
  maxFailures: ADDRESS_MAX_FAILURES,
  windowMs: ADDRESS_WINDOW_MINUTES * MINUTE_MS,
  blockMs: ADDRESS_BLOCK_MINUTES * MINUTE_MS,
};

/**
 * What an address's tries are kept as: in memory for one node, or in Redis so that every node
 * counts the same tries. Never written to disk or the database: addresses are personal data.
 * `name` keeps two throttles' records apart in Redis.
 */
export function triesKind(name: string, limits: ThrottleLimits): RecordKind<TriesRecord> {
  return {
    name,
    encode: (record) => JSON.stringify(record),
    decode: (text) => JSON.parse(text) as TriesRecord,
    // Long enough for the window and a block to run out, and no longer.
    ttlMs: limits.windowMs + limits.blockMs,
    unindexed: true,
    maxRecords: MAX_TRACKED_ADDRESSES,
    personalKeys: true,
  };
}

/** An address may be tried again then, if it is refused now. */
export type Reservation = { refusedUntil: Date } | { blockedNow: Date | null };

/**
 * Counts wrong credentials per network address and refuses an address that has too many,
 * whichever ward code, link or cookie it tries. Each change is one step on the address's
 * record, so parallel tries (on one node or several) cannot slip past the limit.
 */
export class AddressThrottle {
  constructor(
    private readonly records: LiveRecords<TriesRecord> = memoryRecords(triesKind('address-tries', ADDRESS_LIMITS)),
    private readonly limits: ThrottleLimits = ADDRESS_LIMITS,
  ) {}

  /** When the address may try again, if it is refused now. */
  async blockedUntil(address: string, now: number): Promise<Date | null> {
    const until = (await this.records.read(address))?.blockedUntil ?? 0;
    return until > now ? new Date(until) : null;
  }

  /** Counts one wrong credential; answers when the address is refused until, if this blocked it. */
  recordFailure(address: string, now: number): Promise<Date | null> {
    return this.records.update(address, (found) => {
      const record = this.withFailure(found, now);
      return { keep: record, answer: record.blockedUntil > now ? new Date(record.blockedUntil) : null };
    });
  }

  /** Checks and counts a try in one step: refused if blocked, else counted (and maybe blocked by this one). */
  reserve(address: string, now: number): Promise<Reservation> {
    return this.records.update(address, (found): { keep: TriesRecord | null; answer: Reservation } => {
      if (found && found.blockedUntil > now) return { keep: found, answer: { refusedUntil: new Date(found.blockedUntil) } };
      const record = this.withFailure(found, now);
      return { keep: record, answer: { blockedNow: record.blockedUntil > now ? new Date(record.blockedUntil) : null } };
    });
  }

  /**
   * Undoes a failure recorded at `at` that turned out not to be one: a try is counted before
   * its slow check, so parallel guesses cannot slip past the limit, and a right one is then
   * taken back. If that try is what blocked the address, the block goes too.
   */
  forgive(address: string, at: number): Promise<void> {
    return this.records.update(address, (record) => {
      if (!record) return { keep: null, answer: undefined };
      if (record.blockedUntil === at + this.limits.blockMs && record.failures.length === 0) {
        record.blockedUntil = 0;
        record.failures = record.beforeBlock;
        record.beforeBlock = [];
      }
      const index = record.failures.lastIndexOf(at);
      if (index >= 0) record.failures.splice(index, 1);
      return { keep: record, answer: undefined };
    });
  }

  private withFailure(found: TriesRecord | undefined, now: number): TriesRecord {
    const record = found ?? { failures: [], blockedUntil: 0, beforeBlock: [] };
    record.failures = record.failures.filter((at) => at > now - this.limits.windowMs);
    record.failures.push(now);
    if (record.failures.length >= this.limits.maxFailures) {
      record.blockedUntil = now + this.limits.blockMs;
      record.beforeBlock = record.failures;
      record.failures = [];
    }
    return record;
  }
}
