import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { RedisCommands } from '../live/index.js';

/**
 * The relay across nodes: with REDIS_URL, socket.io's Redis streams adapter carries every room
 * emit, `fetchSockets` and `disconnectSockets` to all nodes, so a booking made through one node
 * reaches a tablet connected to another, and a sign-out on one closes sockets on all. The only
 * importer of `redis` and the adapter. Without REDIS_URL the relay is one node's, as before.
 */
export interface RelayCluster {
  /** The same Redis, for the live state the relay keeps (live/). */
  commands: RedisCommands;
  /** Whether Redis answers now, for /readyz. */
  answers(): Promise<boolean>;
  /** Carries the relay's rooms to every node: before any namespace is made. */
  attach(io: Server): void;
  close(): Promise<void>;
}

/** Never wait longer than this for Redis at start-up: a node that cannot reach it should say so, not hang. */
const CONNECT_TIMEOUT_MS = 5_000;
/** Once connected, a lost Redis is tried again this often at most, while the node keeps serving. */
const RECONNECT_MAX_MS = 3_000;

export class RedisUnreachable extends Error {
  override name = 'RedisUnreachable';
}

export async function joinRelayCluster(redisUrl: string, logError: (error: unknown) => void): Promise<RelayCluster> {
  let connected = false;
  const client = createClient({
    url: redisUrl,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // node-redis would retry the first connection for ever and start-up would hang silently:
      // a node that has never reached Redis stops instead, saying so.
      reconnectStrategy: (retries: number) =>
        connected ? Math.min(100 * 2 ** retries, RECONNECT_MAX_MS) : new RedisUnreachable('Redis at REDIS_URL cannot be reached'),
    },
  });
  // Without a listener node-redis throws its reconnect errors; logged, and it keeps retrying.
  client.on('error', logError);
  // Live state's own connection. While Redis is away its commands fail at once rather than
  // wait in a queue, so sign-in answers "not working just now" instead of hanging. (Not the
  // adapter's: its stream reader retries at once on a failure, and would spin.)
  const live = client.duplicate({ disableOfflineQueue: true });
  live.on('error', logError);
  try {
    await client.connect();
    await live.connect();
  } catch {
    // The URL may hold a password: the message never repeats it.
    throw new RedisUnreachable('Redis at REDIS_URL cannot be reached');
  }
  connected = true;
  return {
    // node-redis answers these commands with plain strings and numbers; its generic client
    // type is wider than the few live/ uses.
    commands: live as unknown as RedisCommands,
    attach: (server) => void server.adapter(createAdapter(client)),
    answers: () =>
      live.ping().then(
        () => true,
        () => false,
      ),
    async close() {
      // Not the adapter's close: its stream readers' disconnect rejects with nobody listening.
      // The process exits after closing (main.ts), which ends them.
      // A Redis that is away would never answer a polite goodbye: the node still stops.
      for (const connection of [live, client]) {
        if (connection.isReady) await connection.close();
        else connection.destroy();
      }
    },
  };
}
