import { afterEach, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { ApiClient } from '../helpers/api-client.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { CallSockets, callTimes, next, visitorCookie, visitWithLink, within, type LinkedVisit } from './call-sockets.js';

/**
 * One visit's call with its devices on two nodes that share a database and a Redis: the
 * relay's rooms, device cap, presence and grace periods live in Redis, so any node can carry
 * any device, and a node can stop mid-call. (Before, 6 devices joined one visit across two
 * nodes, and each tablet saw only its own node's visitors.)
 */

const GRACE_SECONDS = 1;
let redis: TestRedis;
let nodeA: TestServer;
let nodeB: TestServer;
let onA: CallSockets;
let onB: CallSockets;
let linked: LinkedVisit;
const clock = { at: new Date('2026-11-20T09:00:00Z') };

async function twoNodes(): Promise<void> {
  clock.at = new Date('2026-11-20T09:00:00Z');
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, CALL_GRACE_SECONDS: String(GRACE_SECONDS) };
  nodeA = await startServer({ now: () => clock.at, env: { ...env, NODE_NAME: 'node-a' } });
  nodeB = await startServer({ now: () => clock.at, dataDir: nodeA.dataDir, env: { ...env, NODE_NAME: 'node-b' } });
  onA = new CallSockets(nodeA);
  onB = new CallSockets(nodeB);
  linked = await visitWithLink(nodeA, (at) => (clock.at = at));
}

afterEach(async () => {
  onA.closeAll();
  onB.closeAll();
  await nodeB.stop();
  await nodeA.close();
  await redis.stop();
});

async function startOn(sockets: CallSockets, pairings?: unknown[]): Promise<{ ward: Socket; room: { participants: { id: string; state: string }[] } }> {
  const ward = await sockets.connect({ cookie: linked.cookie });
  const room = next(ward, 'room');
  ward.emit('start', { visitId: linked.visit.id, ...(pairings ? { pairings } : {}) });
  return { ward, room: await room };
}

async function joinOn(sockets: CallSockets, name: string): Promise<{ visitor: Socket; joined: { participantId: string; state: string } }> {
  const visitor = await sockets.connect({ token: linked.token });
  const joined = next(visitor, 'joined');
  visitor.emit('join', { name });
  return { visitor, joined: await joined };
}

/** The tablet on node A admits a visitor who joined on node B; media is reported connected. */
async function callAcrossNodes() {
  const { ward } = await startOn(onA);
  const waiting = next(ward, 'participant');
  const { visitor, joined } = await joinOn(onB, 'Sam');
  expect(await waiting).toMatchObject({ id: joined.participantId, name: 'Sam', state: 'waiting' });
  const admitted = next(visitor, 'admitted');
  ward.emit('admit', { participantId: joined.participantId });
  const { pairingId } = await admitted;
  ward.emit('connected', { participantId: joined.participantId, pairingId });
  await expect.poll(async () => (await callTimes(nodeA, linked.visit.id)).status, { timeout: 5_000 }).toBe('in-progress');
  return { ward, visitor, participantId: joined.participantId, pairingId: pairingId as string };
}

it('carries a call between a tablet on one node and a visitor on the other, signals both ways', async () => {
  await twoNodes();
  const { ward, visitor, participantId, pairingId } = await callAcrossNodes();
  const toVisitor = next(visitor, 'signal');
  ward.emit('signal', { to: participantId, pairingId, data: { type: 'offer', sdp: 'v=0' } });
  expect(await toVisitor).toEqual({ from: 'ward', pairingId, data: { type: 'offer', sdp: 'v=0' } });
  const toWard = next(ward, 'signal');
  visitor.emit('signal', { pairingId, data: { type: 'answer', sdp: 'v=0' } });
  expect(await toWard).toEqual({ from: participantId, pairingId, data: { type: 'answer', sdp: 'v=0' } });
});

it('lets three visitor devices wait across the two nodes, and refuses a fourth on either', async () => {
  await twoNodes();
  await startOn(onA);
  await joinOn(onA, 'First');
  await joinOn(onB, 'Second');
  await joinOn(onA, 'Third');
  for (const sockets of [onA, onB]) {
    const fourth = await sockets.connect({ token: linked.token });
    const refused = next(fourth, 'call-error');
    fourth.emit('join', { name: 'Fourth' });
    expect(await refused).toMatchObject({ code: 'full' });
  }
});

it('shows a tablet connecting to one node everyone waiting through the other', async () => {
  await twoNodes();
  await startOn(onA);
  await joinOn(onA, 'Peter Smith');
  // The visit list's socket, on the other node: it hears the whole picture when it connects.
  const list = io(nodeB.url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: linked.cookie } });
  try {
    const first = await next<{ full: boolean; visits: unknown[] }>(list, 'presence');
    expect(first.full).toBe(true);
    expect(first.visits).toEqual([{ visitId: linked.visit.id, visitors: [expect.objectContaining({ name: 'Peter Smith', state: 'waiting' })] }]);
  } finally {
    list.close();
  }
});

it('tells a visitor waiting on one node that the visit was cancelled through the other, and lets them go', async () => {
  await twoNodes();
  await startOn(onB);
  const { visitor } = await joinOn(onA, 'Sam');
  const ended = next(visitor, 'ended');
  const closed = next(visitor, 'disconnect');
  const tablet = new ApiClient(nodeB.url);
  await tablet.signIn(nodeB.demo.wardCode, nodeB.demo.pin);
  const { version } = await nodeB.db.selectFrom('visits').select('version').where('id', '=', linked.visit.id).executeTakeFirstOrThrow();
  const cancel = await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: linked.visit.id, baseVersion: version, reason: 'Patient unwell' });
  expect(cancel.status).toBe(200);
  await ended;
  expect(await closed).toBe('io server disconnect');
  expect(await nodeA.app.callRelay.roomCount()).toBe(0);
});

// Hazard H13: The relay or database node fails mid-visit
it('keeps the call when the tablet\'s node stops: the tablet carries on through the other node, and End visit works', async () => {
  await twoNodes();
  const { ward, visitor, participantId, pairingId } = await callAcrossNodes();
  const wardAway = next(visitor, 'ward-away');
  const wardGone = next(ward, 'disconnect');
  await nodeA.stop();
  await wardGone;
  await wardAway;
  // The tablet's page reconnects to the node still running, naming the pairing whose media it still has.
  const back = await startOn(onB, [{ participantId, pairingId, name: 'Sam' }]);
  expect(back.room.participants).toEqual([{ id: participantId, name: 'Sam', state: 'checking' }]);
  expect((await callTimes(nodeB, linked.visit.id)).status).toBe('in-progress');
  const toVisitor = next(visitor, 'signal');
  back.ward.emit('signal', { to: participantId, pairingId, data: { candidate: 'after the move' } });
  expect(await toVisitor).toMatchObject({ pairingId, data: { candidate: 'after the move' } });
  // The grace period the stopping node started was cancelled by the tablet coming back.
  expect(await within(visitor, 'ended', GRACE_SECONDS * 1000 + 700)).toBe('nothing');
  const ended = next(visitor, 'ended');
  back.ward.emit('end', {});
  await ended;
  await expect.poll(async () => (await callTimes(nodeB, linked.visit.id)).status, { timeout: 5_000 }).toBe('completed');
});

// Hazard H13: The relay or database node fails mid-visit
it('keeps the call through a rolling restart of both nodes, each device moving to the node that is up', async () => {
  await twoNodes();
  const { ward, visitor, participantId, pairingId } = await callAcrossNodes();
  // Node A (the tablet's) restarts: the tablet carries on through node B meanwhile.
  await Promise.all([next(ward, 'disconnect'), nodeA.stop()]);
  const viaB = await startOn(onB, [{ participantId, pairingId, name: 'Sam' }]);
  const env = { REDIS_URL: redis.url, CALL_GRACE_SECONDS: String(GRACE_SECONDS), NODE_NAME: 'node-a' };
  const nodeAAgain = await startServer({ now: () => clock.at, dataDir: nodeA.dataDir, env });
  const onAAgain = new CallSockets(nodeAAgain);
  try {
    // Then node B restarts: both devices come back to node A, naming the pairing they still have.
    await Promise.all([next(viaB.ward, 'disconnect'), next(visitor, 'disconnect'), nodeB.stop()]);
    const visitorBack = await onAAgain.connect({ visitorCookie: await visitorCookie(nodeAAgain, linked.token) });
    const rejoined = next(visitorBack, 'joined');
    visitorBack.emit('join', { name: 'Sam', resume: { participantId, pairingId } });
    expect(await rejoined).toMatchObject({ participantId, pairingId });
    const back = await startOn(onAAgain, [{ participantId, pairingId, name: 'Sam' }]);
    expect(back.room.participants).toEqual([{ id: participantId, name: 'Sam', state: 'checking' }]);
    const toVisitor = next(visitorBack, 'signal');
    back.ward.emit('signal', { to: participantId, pairingId, data: { candidate: 'after both restarts' } });
    expect(await toVisitor).toMatchObject({ pairingId, data: { candidate: 'after both restarts' } });
    expect((await callTimes(nodeAAgain, linked.visit.id)).status).toBe('in-progress');
    const ended = next(visitorBack, 'ended');
    back.ward.emit('end', {});
    await ended;
    await expect.poll(async () => (await callTimes(nodeAAgain, linked.visit.id)).status, { timeout: 5_000 }).toBe('completed');
  } finally {
    onAAgain.closeAll();
    await nodeAAgain.stop();
  }
});

it('ends the visit once, from the node still running, when the tablet\'s node stops and the tablet never comes back', async () => {
  await twoNodes();
  const { visitor } = await callAcrossNodes();
  const endings: unknown[] = [];
  visitor.on('ended', () => endings.push('ended'));
  await nodeA.stop();
  await expect.poll(async () => (await callTimes(nodeB, linked.visit.id)).status, { timeout: 5_000 }).toBe('completed');
  await expect.poll(() => endings.length, { timeout: 5_000 }).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(endings).toHaveLength(1);
});
