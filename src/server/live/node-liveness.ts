import { randomUUID } from 'node:crypto';
import { KEY_PREFIX, type RedisCommands } from './redis-commands.js';

/**
 * Which nodes are still there. A node that stops says goodbye to its calls (its sockets'
 * disconnects start their grace periods); a node that dies (killed, its machine lost) cannot.
 * So each node keeps a heartbeat in Redis and a list of the visits it carries a device of, and
 * the others look after the visits of one whose heartbeat stopped: once, by whichever node
 * claims it first. One node alone (memory) has nobody to look after it and needs none of this.
 */
export interface NodeLiveness {
  /**
   * This process's name, as call rooms record which node holds each device: NODE_NAME and a
   * random part, so a node restarted after a crash is a new life, and its old one (whose
   * sockets all died with it) is looked after like any gone node's.
   */
  readonly name: string;
  /** This node now carries a device of the visit's call. */
  carries(visitId: string): Promise<void>;
  /** What to do, on one live node, for each visit a gone node carried. */
  onNodeGone(handle: (visitId: string, node: string) => Promise<void>): void;
  close(): void;
}

export function singleNode(name: string): NodeLiveness {
  return { name, carries: async () => {}, onNodeGone: () => {}, close: () => {} };
}

/** How often a node says it is alive. */
const HEARTBEAT_MS = 2_000;
/** A node not heard from for this long is gone: a few heartbeats, so a slow one is not mistaken. */
export const NODE_GONE_AFTER_MS = 10_000;
/** How often each node looks for gone ones. */
const LOOK_MS = 3_000;
/** A node's list of visits lasts as long as a call room could. */
const CARRIES_TTL_MS = 12 * 3_600_000;

const NODES = `${KEY_PREFIX}nodes`;
const heartbeatKey = (node: string) => `${KEY_PREFIX}node:${node}`;
const carriesKey = (node: string) => `${KEY_PREFIX}node-visits:${node}`;
const claimKey = (node: string) => `${KEY_PREFIX}node-gone-claim:${node}`;

export async function redisLiveness(redis: RedisCommands, nodeName: string, logError: (error: unknown) => void): Promise<NodeLiveness> {
  const name = `${nodeName}/${randomUUID()}`;
  let handle: (visitId: string, node: string) => Promise<void> = async () => {};
  const beat = async () => {
    await redis.set(heartbeatKey(name), String(Date.now()), { PX: NODE_GONE_AFTER_MS });
    await redis.sAdd(NODES, [name]);
  };
  /** Looks after every visit `node` carried; the list goes once they are all seen to. */
  const lookAfter = async (node: string) => {
    for (const visitId of await redis.sMembers(carriesKey(node))) await handle(visitId, node).catch(logError);
    await redis.del([carriesKey(node)]);
  };
  const look = async () => {
    for (const node of await redis.sMembers(NODES)) {
      if (node === name || (await redis.get(heartbeatKey(node))) !== null) continue;
      // Exactly one node looks after a gone one; the claim outlasts the work, then lets a node that returns be gone again later.
      if ((await redis.set(claimKey(node), name, { NX: true, PX: NODE_GONE_AFTER_MS * 6 })) === null) continue;
      await lookAfter(node);
      await redis.sRem(NODES, [node]);
    }
  };
  await beat();
  const timers = [
    setInterval(() => void beat().catch(logError), HEARTBEAT_MS),
    setInterval(() => void look().catch(logError), LOOK_MS),
  ];
  for (const timer of timers) timer.unref();
  return {
    name,
    async carries(visitId) {
      await redis.sAdd(carriesKey(name), [visitId]);
      await redis.pExpire(carriesKey(name), CARRIES_TTL_MS);
    },
    onNodeGone(handler) {
      handle = handler;
    },
    close() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
