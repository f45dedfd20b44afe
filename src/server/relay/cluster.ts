import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';

/**
 * The relay across nodes: with REDIS_URL, socket.io's Redis streams adapter carries every room
 * emit, `fetchSockets` and `disconnectSockets` to all nodes, so a booking made through one node
 * reaches a tablet connected to another, and a sign-out on one closes sockets on all. The only
 * importer of `redis` and the adapter. Without REDIS_URL the relay is one node's, as before.
 */
export interface RelayCluster {
  close(): Promise<void>;
}

/** Never wait longer than this for Redis at start-up: a node that cannot reach it should say so, not hang. */
const CONNECT_TIMEOUT_MS = 5_000;

export async function joinRelayCluster(io: Server, redisUrl: string, logError: (error: unknown) => void): Promise<RelayCluster> {
  const client = createClient({ url: redisUrl, socket: { connectTimeout: CONNECT_TIMEOUT_MS } });
  // Without a listener node-redis throws its reconnect errors; logged, and it keeps retrying.
  client.on('error', logError);
  await client.connect();
  io.adapter(createAdapter(client));
  return {
    async close() {
      await client.quit();
    },
  };
}
