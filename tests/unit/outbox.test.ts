import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/shared/index.js';
import { isQueued, nextToSend, retryDelayMs, RETRY_MAX_MS, type OutboxEntry } from '../../src/visits/outbox.js';

const cancel = (key: string): Command => ({ type: 'cancel', key, visitId: 'v', baseVersion: 1, reason: 'r' });
const entry = (seq: number, key: string, refused = false): OutboxEntry => ({
  seq,
  command: cancel(key),
  madeAt: '2026-11-20T09:00:00Z',
  refusal: refused ? { code: 'conflict', message: 'This visit was cancelled on another tablet.' } : null,
});

describe('the outbox', () => {
  // Hazard H05: a change made offline is kept and applied exactly once
  it('sends the oldest change first, whatever order it is read in', () => {
    expect(nextToSend([entry(3, 'c'), entry(1, 'a'), entry(2, 'b')])?.command.key).toBe('a');
  });

  it('passes over refused changes, which wait for a nurse', () => {
    expect(nextToSend([entry(1, 'a', true), entry(2, 'b')])?.command.key).toBe('b');
    expect(nextToSend([entry(1, 'a', true)])).toBeUndefined();
  });

  // Hazard H05: a change made offline is kept and applied exactly once
  it('keeps one copy of a change whose key is already queued', () => {
    expect(isQueued([entry(1, 'a')], cancel('a'))).toBe(true);
    expect(isQueued([entry(1, 'a')], cancel('b'))).toBe(false);
  });
});

describe('the retry schedule', () => {
  it('doubles from a second, within a jitter of half the delay', () => {
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(1, () => 1)).toBe(1_000);
    expect(retryDelayMs(2, () => 1)).toBe(2_000);
    expect(retryDelayMs(4, () => 0.5)).toBe(6_000);
  });

  // Hazard H05: a change made offline is kept and applied exactly once
  it('never waits more than a minute, however long the outage', () => {
    expect(retryDelayMs(30, () => 1)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(1_000, () => 0.999)).toBeLessThanOrEqual(RETRY_MAX_MS);
  });
});
