import { describe, expect, it } from 'vitest';
import { ADDRESS_MAX_FAILURES } from '../../src/shared/index.js';
import { AddressThrottle, MAX_TRACKED_ADDRESSES } from '../../src/server/security/address-throttle.js';

const MINUTE = 60_000;

describe('AddressThrottle', () => {
  it('blocks an address for 15 minutes at its 30th wrong credential within 15 minutes', () => {
    const throttle = new AddressThrottle();
    const last = (ADDRESS_MAX_FAILURES - 1) * 1000;
    for (let i = 0; i < ADDRESS_MAX_FAILURES - 1; i++) expect(throttle.recordFailure('10.0.0.1', i * 1000)).toBeNull();
    expect(throttle.blockedUntil('10.0.0.1', last)).toBeNull();
    expect(throttle.recordFailure('10.0.0.1', last)).toEqual(new Date(last + 15 * MINUTE));
    expect(throttle.blockedUntil('10.0.0.1', last + 15 * MINUTE - 1)).not.toBeNull();
    expect(throttle.blockedUntil('10.0.0.1', last + 15 * MINUTE)).toBeNull();
    expect(throttle.blockedUntil('10.0.0.2', last)).toBeNull();
  });

  it('forgets failures older than the window', () => {
    const throttle = new AddressThrottle();
    for (let i = 0; i < ADDRESS_MAX_FAILURES - 1; i++) throttle.recordFailure('10.0.0.1', 0);
    expect(throttle.recordFailure('10.0.0.1', 15 * MINUTE + 1)).toBeNull();
  });

  it('starts a fresh count after a block, and remembers no more than its limit of addresses', () => {
    const throttle = new AddressThrottle(2, MINUTE, MINUTE);
    throttle.recordFailure('a', 0);
    throttle.recordFailure('a', 0);
    expect(throttle.recordFailure('a', MINUTE)).toBeNull();
    for (let i = 0; i <= MAX_TRACKED_ADDRESSES; i++) throttle.recordFailure(`addr-${i}`, 0);
    throttle.recordFailure('addr-0', 0);
    // addr-0 was forgotten when the table filled, so this was its first failure, not its second.
    expect(throttle.blockedUntil('addr-0', 0)).toBeNull();
  });
});
