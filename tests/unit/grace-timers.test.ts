import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GraceTimers, whenLost } from '../../src/server/relay/grace-timers.js';

const GRACE_MS = 120_000;

describe('the grace period for a lost tablet', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs out after the grace period, once', () => {
    const grace = new GraceTimers(GRACE_MS);
    const expire = vi.fn();
    grace.start('visit-1', expire);
    vi.advanceTimersByTime(GRACE_MS - 1);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledTimes(1);
    expect(grace.cancel('visit-1')).toBe(false);
  });

  // Hazard H03: a dropped call comes back by itself and the visit stays open
  it('is stopped by the tablet coming back, and waits for each visit apart', () => {
    const grace = new GraceTimers(GRACE_MS);
    const [first, second] = [vi.fn(), vi.fn()];
    grace.start('visit-1', first);
    grace.start('visit-2', second);
    expect(grace.cancel('visit-1')).toBe(true);
    vi.advanceTimersByTime(GRACE_MS);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('starts again, not twice, when a visit loses its tablet again', () => {
    const grace = new GraceTimers(GRACE_MS);
    const expire = vi.fn();
    grace.start('visit-1', expire);
    vi.advanceTimersByTime(GRACE_MS / 2);
    grace.start('visit-1', expire);
    vi.advanceTimersByTime(GRACE_MS / 2);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(GRACE_MS / 2);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it('clears every wait on close, and starts none after', () => {
    const grace = new GraceTimers(GRACE_MS);
    const expire = vi.fn();
    grace.start('visit-1', expire);
    grace.close();
    grace.start('visit-2', expire);
    vi.advanceTimersByTime(GRACE_MS * 2);
    expect(expire).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('when a tablet was lost', () => {
  const lastHeard = new Date('2026-11-21T14:40:00Z');
  const now = new Date('2026-11-21T14:40:45Z');

  it('is when it was last heard if it went silent, and now if its connection closed', () => {
    expect(whenLost('ping timeout', lastHeard, now)).toBe(lastHeard);
    expect(whenLost('transport close', lastHeard, now)).toBe(now);
    expect(whenLost('transport error', lastHeard, now)).toBe(now);
  });
});
