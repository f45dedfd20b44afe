import { afterEach, beforeEach, expect, it } from 'vitest';
import { useServer } from '../helpers/use-server.js';
import { CallSockets, next, visitorInCall, visitWithLink, type LinkedVisit } from './call-sockets.js';
import { useTestClock } from '../helpers/test-clock.js';

/** The tablet reports when a call's media stops and comes back; reports count reconnections and time connected. */

let sockets: CallSockets;
let linked: LinkedVisit;

const clock = useTestClock();
const server = useServer({ now: clock.now }, { perTest: true });
beforeEach(async () => {
  sockets = new CallSockets(server);
  linked = await visitWithLink(server, (at) => (clock.at = at));
});
afterEach(async () => {
  sockets.closeAll();
});

const outages = () =>
  server.db.selectFrom('visits').select(['status', 'reconnections', 'outage_seconds', 'interrupted_at']).where('id', '=', linked.visit.id).executeTakeFirstOrThrow();

it('counts an interruption once, and its length, when the media comes back', async () => {
  clock.at = new Date('2026-11-21T14:21:00Z');
  const { ward, participantId, pairingId } = await visitorInCall(sockets, linked);
  clock.at = new Date('2026-11-21T14:30:00Z');
  ward.emit('interrupted', { participantId, pairingId });
  await expect.poll(async () => (await outages()).interrupted_at).toBe('2026-11-21T14:30:00.000Z');
  // Said again (a socket sending what it buffered): still one interruption, from its first report.
  clock.at = new Date('2026-11-21T14:30:20Z');
  ward.emit('interrupted', { participantId, pairingId });
  clock.at = new Date('2026-11-21T14:30:45Z');
  ward.emit('connected', { participantId, pairingId });
  await expect.poll(outages).toEqual({ status: 'in-progress', reconnections: 1, outage_seconds: 45, interrupted_at: null });
});

it('adds an outage still open at the end to the time without media, without counting it as a reconnection', async () => {
  clock.at = new Date('2026-11-21T14:21:00Z');
  const { ward, visitor, participantId, pairingId } = await visitorInCall(sockets, linked);
  clock.at = new Date('2026-11-21T14:40:00Z');
  ward.emit('interrupted', { participantId, pairingId });
  await expect.poll(async () => (await outages()).interrupted_at).not.toBeNull();
  clock.at = new Date('2026-11-21T14:41:30Z');
  const ended = next(visitor, 'ended');
  ward.emit('end', {});
  await ended;
  expect(await outages()).toEqual({ status: 'completed', reconnections: 0, outage_seconds: 90, interrupted_at: null });
});

it('ignores reports about a pairing the relay did not make', async () => {
  clock.at = new Date('2026-11-21T14:21:00Z');
  const { ward, participantId } = await visitorInCall(sockets, linked);
  ward.emit('interrupted', { participantId, pairingId: crypto.randomUUID() });
  ward.emit('connected', { participantId, pairingId: crypto.randomUUID() });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await outages()).toEqual({ status: 'in-progress', reconnections: 0, outage_seconds: 0, interrupted_at: null });
});
