import { afterEach, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { ApiClient, book } from '../helpers/api-client.js';
import { hospitalClockIn } from '../helpers/hospital-time.js';
import { freePort } from '../helpers/notify-env.js';
import { startRedis } from '../helpers/redis.js';
import { killed, runServerProcess } from '../helpers/server-process.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { callTimes, next, visitorCookie } from './call-sockets.js';

/**
 * A node killed mid-call cannot say goodbye: its sockets never disconnect, so nothing it would
 * have done when they dropped happens. The nodes still running see its heartbeat stop, and one
 * of them treats its devices as dropped: a tablet that does not come back through another node
 * has its visit ended once, after the grace period, instead of left in progress for ever.
 */

const cleanUps: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

function connect(url: string, cookie: string, asVisitor = false): Promise<Socket> {
  const socket = io(`${url}/call`, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie }, auth: asVisitor ? { as: 'visitor' } : {} });
  cleanUps.push(() => void socket.close());
  return new Promise((ready, failed) => {
    socket.on('connect', () => ready(socket));
    socket.on('connect_error', failed);
  });
}

// Hazard H13: The relay or database node fails mid-visit
it('ends the visit once, from the node still running, when the tablet\'s node is killed and the tablet never comes back', async () => {
  const redis = await startRedis();
  cleanUps.push(() => redis.stop());
  const env = { REDIS_URL: redis.url, CALL_GRACE_SECONDS: '1' };
  const nodeB: TestServer = await startServer({ env: { ...env, NODE_NAME: 'node-b' } });
  cleanUps.push(() => nodeB.close());
  const port = await freePort();
  const nodeA = await runServerProcess({ ...env, NODE_NAME: 'node-a', PORT: String(port), DATA_DIR: nodeB.dataDir }, (step) => cleanUps.push(step));
  const urlA = `http://127.0.0.1:${port}`;

  // A visit starting in five minutes, on the real clock both nodes share, so its link is open.
  const tablet = new ApiClient(urlA);
  await tablet.signIn(nodeB.demo.wardCode, nodeB.demo.pin);
  const { date, time } = hospitalClockIn(5);
  const visit = (await tablet.send(book({ date, time }))).body.visits[0]!;
  const token: string = (await tablet.request('GET', `/api/visits/${visit.id}/join-link`)).body.url.split('/visit/')[1];

  const ward = await connect(urlA, tablet.cookieHeader);
  const room = next(ward, 'room');
  ward.emit('start', { visitId: visit.id });
  await room;
  const visitor = await connect(nodeB.url, await visitorCookie(nodeB, token), true);
  const waiting = next(ward, 'participant');
  visitor.emit('join', { name: 'Sam' });
  const { id: participantId } = await waiting;
  const admitted = next(visitor, 'admitted');
  ward.emit('admit', { participantId });
  ward.emit('connected', { participantId, pairingId: (await admitted).pairingId });
  await expect.poll(async () => (await callTimes(nodeB, visit.id)).status, { timeout: 5_000 }).toBe('in-progress');

  const endings: string[] = [];
  visitor.on('ward-away', () => endings.push('ward-away'));
  visitor.on('ended', () => endings.push('ended'));
  await killed(nodeA);
  // Its heartbeat stops; within seconds node B treats the tablet as dropped, then its grace period runs out.
  await expect.poll(async () => (await callTimes(nodeB, visit.id)).status, { timeout: 25_000, interval: 250 }).toBe('completed');
  await expect.poll(() => endings, { timeout: 5_000 }).toEqual(['ward-away', 'ended']);
  // Up to 10 s for the heartbeat to lapse, 3 s for a look, 1 s of grace: more than the suite's usual 30 s on a busy machine.
}, 60_000);
