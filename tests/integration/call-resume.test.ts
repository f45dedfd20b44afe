import { afterEach, beforeEach, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { CallSockets, next, visitorInCall, visitWithLink, within, type LinkedVisit } from './call-sockets.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

/**
 * A call's media is peer-to-peer: when the relay loses track of it (a phone's socket drops, the
 * relay restarts) both ends come back naming their live pairing, and the relay restores it
 * without a new admit or a new offer. Only the tablet's word restores a pairing.
 */

const GRACE_MS = 1000;
let clock: Date;
let server: TestServer;
let sockets: CallSockets;
let linked: LinkedVisit;

async function start(options: { dataDir?: string; port?: number } = {}) {
  server = await startServer({ now: () => clock, env: { CALL_GRACE_SECONDS: String(GRACE_MS / 1000) }, ...options });
  sockets = new CallSockets(server);
}

beforeEach(async () => {
  clock = new Date(TEST_MORNING);
  await start();
  linked = await visitWithLink(server, (at) => (clock = at));
});
afterEach(async () => {
  sockets.closeAll();
  await server.close();
});

// Hazard H03: a dropped call comes back by itself and the visit stays open
it("gives a visitor whose connection dropped its pairing back on the same pairing: the tablet is only told they are back", async () => {
  const { ward, visitor, participantId, pairingId } = await visitorInCall(sockets, linked);
  // Told, so a tablet that lost its own peer meanwhile (a reload) lets them in again; one with its peer changes nothing.
  const tabletHears = Promise.all([within(ward, 'left', 1_500), within(ward, 'participant', 1_500)]);
  await sockets.drop(visitor);
  const back = await sockets.connect({ token: linked.token });
  const joined = next(back, 'joined');
  back.emit('join', { name: 'Sam', resume: { participantId, pairingId } });
  expect(await joined).toMatchObject({ participantId, state: 'admitted', pairingId });
  expect(await tabletHears).toEqual(['nothing', { id: participantId, name: 'Sam', state: 'admitted' }]);
  // Signals flow on the same pairing, both ways: nothing was renegotiated.
  const toVisitor = next(back, 'signal');
  ward.emit('signal', { to: participantId, pairingId, data: { candidate: 'a' } });
  expect(await toVisitor).toEqual({ from: 'ward', pairingId, data: { candidate: 'a' } });
  const toTablet = next(ward, 'signal');
  back.emit('signal', { pairingId, data: { candidate: 'b' } });
  expect(await toTablet).toEqual({ from: participantId, pairingId, data: { candidate: 'b' } });
});

// Hazard H13: calls survive the server failing mid-visit
it('restores a live pairing after a relay restart when the tablet claims it, whichever end is back first', async () => {
  const { participantId, pairingId } = await visitorInCall(sockets, linked);
  const { dataDir } = server;
  const port = Number(new URL(server.url).port);
  sockets.closeAll();
  await server.stop();
  await start({ dataDir, port });

  const visitor = await sockets.connect({ token: linked.token });
  const joined = next(visitor, 'joined');
  visitor.emit('join', { name: 'Sam', resume: { participantId, pairingId } });
  // The visitor's word alone admits nobody.
  expect(await joined).toMatchObject({ participantId, state: 'waiting' });
  expect(await joined).not.toHaveProperty('pairingId');

  const ward = await sockets.connect({ cookie: linked.cookie });
  const room = next(ward, 'room');
  const admitted = next(visitor, 'admitted');
  ward.emit('start', { visitId: linked.visit.id, pairings: [{ participantId, pairingId, name: 'Sam' }] });
  expect((await room).participants).toEqual([{ id: participantId, name: 'Sam', state: 'admitted' }]);
  expect(await admitted).toEqual({ participantId, pairingId, checking: false });
  const toTablet = next(ward, 'signal');
  visitor.emit('signal', { pairingId, data: { candidate: 'c' } });
  expect(await toTablet).toEqual({ from: participantId, pairingId, data: { candidate: 'c' } });
});

it("does not restore a pairing the tablet does not claim: that visitor waits and cannot signal", async () => {
  const ward = await sockets.connect({ cookie: linked.cookie });
  const room = next(ward, 'room');
  ward.emit('start', { visitId: linked.visit.id });
  await room;
  const impostor = await sockets.connect({ token: linked.token });
  const waiting = next(ward, 'participant');
  const madeUp = { participantId: crypto.randomUUID(), pairingId: crypto.randomUUID() };
  impostor.emit('join', { name: 'Eve', resume: madeUp });
  expect(await waiting).toMatchObject({ name: 'Eve', state: 'waiting' });
  const signalled = within(ward, 'signal');
  impostor.emit('signal', { pairingId: madeUp.pairingId, data: { sdp: 'offer' } });
  expect(await signalled).toBe('nothing');
});

it('gives up the place of a visitor device that does not come back within the grace period', async () => {
  const { ward, visitor, participantId } = await visitorInCall(sockets, linked);
  const left = next(ward, 'left');
  await sockets.drop(visitor);
  expect(await within(ward, 'left', GRACE_MS / 2)).toBe('nothing');
  expect(await left).toEqual({ participantId });
});
