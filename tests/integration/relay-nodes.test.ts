import { afterAll, beforeAll, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Visit } from '../../src/shared/index.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { testClock } from '../helpers/test-clock.js';

/**
 * Two nodes on one database and one Redis (REDIS_URL): a tablet connected to one node hears
 * what was done through the other. (Without Redis it would not: the push is a room emit.)
 */

let redis: TestRedis;
let first: TestServer;
let second: TestServer;
const open: Socket[] = [];
const clock = testClock();

beforeAll(async () => {
  redis = await startRedis();
  first = await startServer({ now: clock.now, env: { REDIS_URL: redis.url, NODE_NAME: 'node-a' } });
  second = await startServer({ now: clock.now, dataDir: first.dataDir, env: { REDIS_URL: redis.url, NODE_NAME: 'node-b' } });
});
afterAll(async () => {
  for (const socket of open.splice(0)) socket.close();
  await second.stop();
  await first.close();
  await redis.stop();
});

function wardSocket(node: TestServer, cookie: string): Promise<Socket> {
  const socket = io(node.url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

it('pushes a booking made through one node to a tablet connected to the other', async () => {
  const booker = new ApiClient(first.url);
  await booker.signIn(first.demo.wardCode, first.demo.pin);
  const watcher = new ApiClient(second.url);
  await watcher.signIn(second.demo.wardCode, second.demo.pin);
  const socket = await wardSocket(second, watcher.cookieHeader);
  const pushed = new Promise<Visit[]>((resolve) => socket.on('visits-changed', ({ visits }: { visits: Visit[] }) => resolve(visits)));
  const booked = (await booker.send(book({ date: '2026-11-21', visitorEmail: null }))).body.visits[0]!;
  expect((await pushed).map((visit) => visit.id)).toEqual([booked.id]);
});

it('stops start-up saying so when Redis cannot be reached, without the password', async () => {
  await expect(startServer({ env: { REDIS_URL: 'redis://:hunter2secret@127.0.0.1:1' } })).rejects.toThrow(/^Redis at REDIS_URL cannot be reached$/);
});
