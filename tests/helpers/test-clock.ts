import { beforeEach } from 'vitest';

/**
 * The server's clock in a test, moved by hand: the server reads `now()`, the test sets `at`.
 * Most server tests start at TEST_MORNING, a Friday morning in November: Europe/London is on
 * UTC then, so the hospital's local times read the same as the UTC instants in assertions.
 */
export const TEST_MORNING = '2026-11-20T09:00:00Z';

export interface TestClock {
  at: Date;
  /** For StartOptions.now; reads `at` at each call. */
  now(): Date;
}

export function testClock(startsAt: string = TEST_MORNING): TestClock {
  const clock: TestClock = { at: new Date(startsAt), now: () => clock.at };
  return clock;
}

/** A clock set back to `startsAt` before each test. Call it before useServer, so the server starts on it. */
export function useTestClock(startsAt: string = TEST_MORNING): TestClock {
  const clock = testClock(startsAt);
  beforeEach(() => {
    clock.at = new Date(startsAt);
  });
  return clock;
}
