import type { Deadlines } from './deadlines.js';
import { KEY_PREFIX, type RedisCommands } from './redis-commands.js';

/** How often each node looks for waits that ran out: a grace period ends at most this late. */
export const DEADLINE_POLL_MS = 250;
/** Waits taken per look, so one look stays short however many ran out at once. */
const BATCH = 50;
const DEADLINES_KEY = `${KEY_PREFIX}deadlines`;

/**
 * Waits in a Redis sorted set, scored by when they run out. Every node looks a few times a
 * second; the one whose ZREM removes a wait is the one that runs it, so exactly one node ends
 * a visit, whichever node its tablet was on and whether that node is still there.
 */
export function redisDeadlines(redis: RedisCommands, graceMs: number, logError: (error: unknown) => void): Deadlines {
  let due: (key: string) => Promise<void> = async () => {};
  let looking = false;
  const look = async () => {
    if (looking) return;
    looking = true;
    try {
      const keys = await redis.zRangeByScore(DEADLINES_KEY, 0, Date.now(), { LIMIT: { offset: 0, count: BATCH } });
      for (const key of keys) if ((await redis.zRem(DEADLINES_KEY, key)) === 1) await due(key).catch(logError);
    } catch (error) {
      logError(error);
    } finally {
      looking = false;
    }
  };
  const poller = setInterval(() => void look(), DEADLINE_POLL_MS);
  poller.unref();
  return {
    async start(key) {
      await redis.zAdd(DEADLINES_KEY, { score: Date.now() + graceMs, value: key });
    },
    async cancel(key) {
      return (await redis.zRem(DEADLINES_KEY, key)) === 1;
    },
    onDue(handle) {
      due = handle;
    },
    close: () => clearInterval(poller),
  };
}
