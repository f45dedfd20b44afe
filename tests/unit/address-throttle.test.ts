import { describe, expect, it } from 'vitest';
import { ADDRESS_MAX_FAILURES } from '../../src/shared/index.js';
import { memoryRecords } from '../../src/server/live/memory-records.js';
import { AddressThrottle, MAX_TRACKED_ADDRESSES, triesKind } from '../../src/server/security/address-throttle.js';

const MINUTE = 60_000;

describe('AddressThrottle', () => {
  it('blocks an address for 15 minutes at its 30th wrong credential within 15 minutes', async () => {
    const throttle = new AddressThrottle();
    const last = (ADDRESS_MAX_FAILURES - 1) * 1000;
    for (let i = 0; i < ADDRESS_MAX_FAILURES - 1; i++) expect(await throttle.recordFailure('10.0.0.1', i * 1000)).toBeNull();
    expect(await throttle.blockedUntil('10.0.0.1', last)).toBeNull();
    expect(await throttle.recordFailure('10.0.0.1', last)).toEqual(new Date(last + 15 * MINUTE));
    expect(await throttle.blockedUntil('10.0.0.1', last + 15 * MINUTE - 1)).not.toBeNull();
    expect(await throttle.blockedUntil('10.0.0.1', last + 15 * MINUTE)).toBeNull();
    expect(await throttle.blockedUntil('10.0.0.2', last)).toBeNull();
  });

  it('forgets failures older than the window', async () => {
    const throttle = new AddressThrottle();
    for (let i = 0; i < ADDRESS_MAX_FAILURES - 1; i++) await throttle.recordFailure('10.0.0.1', 0);
    expect(await throttle.recordFailure('10.0.0.1', 15 * MINUTE + 1)).toBeNull();
  });

  it('starts a fresh count after a block, and remembers no more than its limit of addresses', async () => {
    const limits = { maxFailures: 2, windowMs: MINUTE, blockMs: MINUTE };
    const throttle = new AddressThrottle(memoryRecords(triesKind('test-tries', limits)), limits);
    await throttle.recordFailure('a', 0);
    await throttle.recordFailure('a', 0);
    expect(await throttle.recordFailure('a', MINUTE)).toBeNull();
    for (let i = 0; i <= MAX_TRACKED_ADDRESSES; i++) await throttle.recordFailure(`addr-${i}`, 0);
    await throttle.recordFailure('addr-0', 0);
    // addr-0 was forgotten when the table filled, so this was its first failure, not its second.
    expect(await throttle.blockedUntil('addr-0', 0)).toBeNull();
  });

  it('checks and counts a try in one step, refusing while blocked, and forgives the try that blocked', async () => {
    const limits = { maxFailures: 2, windowMs: MINUTE, blockMs: MINUTE };
    const throttle = new AddressThrottle(memoryRecords(triesKind('test-tries', limits)), limits);
    expect(await throttle.reserve('a', 0)).toEqual({ blockedNow: null });
    expect(await throttle.reserve('a', 1)).toEqual({ blockedNow: new Date(1 + MINUTE) });
    expect(await throttle.reserve('a', 2)).toEqual({ refusedUntil: new Date(1 + MINUTE) });
    // The second try was right after all: its block goes, and the first failure is back.
    await throttle.forgive('a', 1);
    expect(await throttle.blockedUntil('a', 2)).toBeNull();
    expect(await throttle.reserve('a', 3)).toEqual({ blockedNow: new Date(3 + MINUTE) });
  });
});
