import { afterAll, beforeAll, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Visit } from '../../src/shared/index.js';
import { LOCKOUT_MAX_FAILURES } from '../../src/shared/index.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { sendRaw } from '../helpers/raw-http.js';
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

it('counts one address\'s wrong PINs across both nodes: the fifth, on either, locks the code there', async () => {
  const tryPin = (node: TestServer, pin: string) =>
    sendRaw(node.url, {
      method: 'POST',
      path: '/api/session',
      body: JSON.stringify({ wardCode: node.demo.wardCode, pin }),
      headers: { 'content-type': 'application/json' },
      localAddress: '127.0.0.77',
    });
  const answers = [];
  for (let i = 0; i < LOCKOUT_MAX_FAILURES; i++) answers.push((await tryPin(i % 2 ? second : first, String(200000 + i))).status);
  expect(answers).toEqual([...Array(LOCKOUT_MAX_FAILURES - 1).fill(401), 429]);
  // Locked on the node that did not see the last try too, even with the right PIN.
  expect((await tryPin(first, first.demo.pin)).status).toBe(429);
  expect((await tryPin(second, second.demo.pin)).status).toBe(429);
});

it('stops start-up saying so when Redis cannot be reached, without the password', async () => {
  await expect(startServer({ env: { REDIS_URL: 'redis://:hunter2secret@127.0.0.1:1' } })).rejects.toThrow(/^Redis at REDIS_URL cannot be reached$/);
});
