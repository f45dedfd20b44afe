import { afterAll, beforeAll, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { ApiClient } from '../helpers/api-client.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * Redis goes away under a node of several: sign-in fails closed, saying so in words, because
 * its guessing limits live there; sockets already open stay open (a call's media is between
 * the devices, and the relay picks up when Redis is back), and the node says it is not ready.
 */

let redis: TestRedis;
let server: TestServer;
let cookie: string;
const open: Socket[] = [];

function connect(path = ''): Promise<Socket> {
  const socket = io(`${server.url}${path}`, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

beforeAll(async () => {
  redis = await startRedis();
  server = await startServer({ env: { REDIS_URL: redis.url } });
  const tablet = new ApiClient(server.url);
  await tablet.signIn(server.demo.wardCode, server.demo.pin);
  cookie = tablet.cookieHeader;
  await connect();
  await connect('/call');
  await redis.stop();
});
afterAll(async () => {
  for (const socket of open) socket.close();
  await server.close();
});

it('refuses to check a PIN or a link while the limits cannot be counted, in words', async () => {
  const tablet = new ApiClient(server.url);
  const signIn = await tablet.signIn(server.demo.wardCode, server.demo.pin);
  expect(signIn.status).toBe(503);
  expect(signIn.body.error).toEqual({ code: 'unavailable', message: 'Signing in is not working just now. Try again in a minute. If it keeps happening, tell your IT team.' });
  expect((await tablet.openVisit('A'.repeat(43))).status).toBe(503);
});

it('keeps the sockets it has, still lets a signed-in tablet connect, and says it is alive but not ready', async () => {
  expect(open.every((socket) => socket.connected)).toBe(true);
  // A session token is not guessable like a PIN: a tablet coming back is not refused for want of a count.
  expect((await connect('/call')).connected).toBe(true);
  const probe = new ApiClient(server.url);
  expect((await probe.request('GET', '/healthz')).status).toBe(200);
  const ready = await probe.request('GET', '/readyz');
  expect(ready.status).toBe(503);
  expect(ready.body).toEqual({ status: 'unavailable', message: 'Redis cannot be reached.' });
});
