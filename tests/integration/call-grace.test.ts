import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useServer } from '../helpers/use-server.js';
import { CallSockets, callTimes, next, visitorInCall, visitorWaiting, visitWithLink, within, type LinkedVisit } from './call-sockets.js';
import { useTestClock } from '../helpers/test-clock.js';

/** A ward tablet that disappears during a call: the grace period, driven through the real relay. */

const GRACE_MS = 1000;
/** Long enough past the grace period for its timer to have run, with room for a slow machine. */
const PAST_GRACE_MS = GRACE_MS + 700;

let sockets: CallSockets;
let linked: LinkedVisit;

const clock = useTestClock();
const server = useServer({ now: clock.now, env: { CALL_GRACE_SECONDS: String(GRACE_MS / 1000) } }, { perTest: true });
beforeEach(async () => {
  sockets = new CallSockets(server);
  linked = await visitWithLink(server, (at) => (clock.at = at));
});
afterEach(async () => {
  sockets.closeAll();
});

/** The tablet comes back on a new connection and starts the same visit again. */
async function tabletReturns() {
  const ward = await sockets.connect({ cookie: linked.cookie });
  const room = next(ward, 'room');
  ward.emit('start', { visitId: linked.visit.id });
  return { ward, room: await room };
}

describe('a ward tablet that drops out of a call', () => {
  // Hazard H03: a dropped call comes back by itself and the visit stays open
  it('carries on the visit with its visitors when it comes back within the grace period', async () => {
    clock.at = new Date('2026-11-21T14:21:00Z');
    const { ward, visitor, participantId } = await visitorInCall(sockets, linked);
    clock.at = new Date('2026-11-21T14:40:00Z');
    await sockets.drop(ward);

    const back = await tabletReturns();
    expect(back.room.participants).toEqual([{ id: participantId, name: 'Sam', state: 'admitted' }]);
    expect(await within(visitor, 'ended', PAST_GRACE_MS)).toBe('nothing');
    expect(await callTimes(server, linked.visit.id)).toEqual({ status: 'in-progress', connected_at: '2026-11-21T14:21:00.000Z', ended_at: null });

    // The returned tablet can pair with the visitor again, and the call goes on.
    const admitted = next(visitor, 'admitted');
    back.ward.emit('admit', { participantId });
    const { pairingId } = await admitted;
    const signal = next(visitor, 'signal');
    back.ward.emit('signal', { to: participantId, pairingId, data: { type: 'offer' } });
    expect(await signal).toEqual({ from: 'ward', pairingId, data: { type: 'offer' } });
  });

  // Hazard H10: no picture or sound reaches a visitor outside the visit
  it('ends the visit as of when the tablet went, and tells the visitors, when it does not come back', async () => {
    clock.at = new Date('2026-11-21T14:21:00Z');
    const { ward, visitor } = await visitorInCall(sockets, linked);
    clock.at = new Date('2026-11-21T14:40:00Z');
    await sockets.drop(ward);
    clock.at = new Date('2026-11-21T14:45:00Z');

    expect(await within(visitor, 'ended', GRACE_MS * 3)).not.toBe('nothing');
    expect(await callTimes(server, linked.visit.id)).toEqual({
      status: 'completed',
      connected_at: '2026-11-21T14:21:00.000Z',
      ended_at: '2026-11-21T14:40:00.000Z',
    });

    // Too late: the visit has ended, and a tablet coming back now is told so.
    const late = await sockets.connect({ cookie: linked.cookie });
    const refused = next(late, 'call-error');
    late.emit('start', { visitId: linked.visit.id });
    expect(await refused).toMatchObject({ code: 'not_allowed' });
  });

  it('leaves a visit that never connected ready, its visitor waiting for the tablet', async () => {
    const { ward, visitor, participantId } = await visitorWaiting(sockets, linked);
    await sockets.drop(ward);

    expect(await within(visitor, 'ended', PAST_GRACE_MS)).toBe('nothing');
    expect(await callTimes(server, linked.visit.id)).toEqual({ status: 'ready', connected_at: null, ended_at: null });
    const back = await tabletReturns();
    expect(back.room.participants).toEqual([{ id: participantId, name: 'Sam', state: 'waiting' }]);
  });

  // Hazard H03: a dropped call comes back by itself and the visit stays open
  // Hazard H13: calls survive the server failing mid-visit
  it('is not ended by a grace period still running when the server stops', async () => {
    const { ward } = await visitorInCall(sockets, linked);
    await sockets.drop(ward);
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, PAST_GRACE_MS));
    const errors = server.logLines.filter((line) => JSON.parse(line).level >= 50);
    expect(errors).toEqual([]);
  });
});
