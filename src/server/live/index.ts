import { memoryDeadlines, type Deadlines } from './deadlines.js';
import { memoryRecords } from './memory-records.js';
import { redisLiveness, singleNode, type NodeLiveness } from './node-liveness.js';
import type { RedisCommands } from './redis-commands.js';
import { redisDeadlines } from './redis-deadlines.js';
import { redisRecords } from './redis-records.js';
import type { LiveRecords, RecordKind } from './records.js';

export type { Deadlines } from './deadlines.js';
export { NODE_GONE_AFTER_MS, type NodeLiveness } from './node-liveness.js';
export type { Change, LiveRecords, RecordKind } from './records.js';
export type { RedisCommands } from './redis-commands.js';

/**
 * Where the relay keeps what is live: this node's memory, or Redis when several nodes share
 * the calls (REDIS_URL). The relay asks this, never a Map of its own.
 */
export interface LiveState {
  records<T>(kind: RecordKind<T>): LiveRecords<T>;
  deadlines(graceMs: number, logError: (error: unknown) => void): Deadlines;
  /** This node among the others, so a dead one's calls are looked after. */
  liveness(nodeName: string, logError: (error: unknown) => void): Promise<NodeLiveness>;
}

export function memoryLiveState(): LiveState {
  return { records: (kind) => memoryRecords(kind), deadlines: memoryDeadlines, liveness: async (nodeName) => singleNode(nodeName) };
}

/** `keySecret` hashes keys that are personal data (addresses): the same on every node (JOIN_LINK_SECRET). */
export function redisLiveState(redis: RedisCommands, keySecret: string): LiveState {
  return {
    records: (kind) => redisRecords(redis, kind, keySecret),
    deadlines: (graceMs, logError) => redisDeadlines(redis, graceMs, logError),
    liveness: (nodeName, logError) => redisLiveness(redis, nodeName, logError),
  };
}
