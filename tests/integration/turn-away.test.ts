import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_VISITORS_PER_VISIT } from '../../src/shared/index.js';
import { io } from 'socket.io-client';
import { ApiClient } from '../helpers/api-client.js';
import { next, startCallTestBed, visitorCookie, type CallTestBed } from './call-sockets.js';

/** Issue 12: one link holder could take every place in a visit; the ward can now turn a waiting visitor away. */

let bed: CallTestBed;
beforeEach(async () => {
  bed = await startCallTestBed();
});
afterEach(() => bed.close());

/** The tablet starts the visit; a visitor whose session cookie we keep joins and waits. */
async function strangerWaiting() {
  const ward = await bed.sockets.connect({ cookie: bed.linked.cookie });
  const room = next(ward, 'room');
  ward.emit('start', { visitId: bed.linked.visit.id });
  await room;
  const cookie = await visitorCookie(bed.server, bed.linked.token);
  const visitor = await bed.sockets.connect({ visitorCookie: cookie });
  const waiting = next(ward, 'participant');
  visitor.emit('join', { name: 'Eve' });
  return { ward, visitor, cookie, participantId: (await waiting).id as string };
}

// Hazard H01: nobody joins a call until the ward checks and admits them
it('lets a waiting visitor go, tells them in words to phone the ward, and frees their place', async () => {
  const scene = await strangerWaiting();
  const told = next(scene.visitor, 'call-error');
  const closed = next(scene.visitor, 'disconnect');
  const left = next(scene.ward, 'left');
  scene.ward.emit('turn-away', { participantId: scene.participantId });
  expect(await told).toEqual({ code: 'turned_away', message: 'The ward has not let you in to this visit. If you think this is a mistake, phone the ward.' });
  expect(await closed).toBe('io server disconnect');
  expect(await left).toEqual({ participantId: scene.participantId });

  // Every place can be taken again: the one turned away no longer holds one.
  for (let place = 0; place < MAX_VISITORS_PER_VISIT; place++) {
    const visitor = await bed.sockets.connect({ token: bed.linked.token });
    const waiting = next(scene.ward, 'participant');
    visitor.emit('join', { name: `Relative ${place}` });
    expect((await waiting).state).toBe('waiting');
  }
});

// Hazard H08: a forwarded or misused link is stopped by the ward
it("keeps them out without the ward's say: a reload, the link opened again in that browser, and the call socket are refused", async () => {
  const scene = await strangerWaiting();
  const closed = next(scene.visitor, 'disconnect');
  scene.ward.emit('turn-away', { participantId: scene.participantId });
  await closed;
  const sameBrowser = new ApiClient(bed.server.url);
  const reload = await sameBrowser.request('GET', '/api/visitor-session', undefined, { cookie: scene.cookie });
  expect(reload.status).toBe(403);
  expect(reload.body.error).toEqual({ code: 'turned_away', message: 'The ward has not let you in to this visit. If you think this is a mistake, phone the ward.' });
  const reopened = await sameBrowser.request('POST', '/api/visitor-session', { token: bed.linked.token }, { cookie: scene.cookie });
  expect(reopened.status).toBe(403);
  expect(reopened.body.error.code).toBe('turned_away');
  const socket = io(`${bed.server.url}/call`, { transports: ['websocket'], reconnection: false, auth: { as: 'visitor' }, extraHeaders: { cookie: scene.cookie } });
  const refusal = await new Promise<{ data?: { code: string } }>((resolve) => socket.on('connect_error', resolve));
  socket.close();
  expect(refusal.data?.code).toBe('turned_away');
  // Someone else with the link (another relative's phone) still gets in.
  expect((await new ApiClient(bed.server.url).openVisit(bed.linked.token)).status).toBe(200);
});

it('turns away only someone waiting: an admitted visitor stays, and an unknown id is refused in words', async () => {
  const scene = await strangerWaiting();
  const admitted = next(scene.visitor, 'admitted');
  scene.ward.emit('admit', { participantId: scene.participantId });
  await admitted;
  // Past the identity check: in the call, where only End visit lets them go.
  const checked = next(scene.visitor, 'checked');
  scene.ward.emit('checked', { participantId: scene.participantId });
  await checked;
  for (const participantId of [scene.participantId, crypto.randomUUID()]) {
    const refused = next(scene.ward, 'call-error');
    scene.ward.emit('turn-away', { participantId });
    expect(await refused).toEqual({ code: 'not_found', message: 'That visitor is no longer waiting.' });
  }
  expect(scene.visitor.connected).toBe(true);
});

// Hazard H01: nobody joins a call until the ward checks and admits them
it('cannot be sent by a visitor', async () => {
  const scene = await strangerWaiting();
  const refused = next(scene.visitor, 'call-error');
  scene.visitor.emit('turn-away', { participantId: scene.participantId });
  expect(await refused).toMatchObject({ code: 'invalid_event' });
  expect(scene.visitor.connected).toBe(true);
});

// Hazard H01: nobody joins a call until the ward checks and admits them
it('lets only the tablet say the identity check is done or hold the call, and only for someone being checked', async () => {
  const scene = await strangerWaiting();
  for (const event of ['checked', 'hold'] as const) {
    const refused = next(scene.visitor, 'call-error');
    scene.visitor.emit(event, event === 'checked' ? { participantId: scene.participantId } : {});
    expect(await refused).toMatchObject({ code: 'invalid_event' });
  }
  // Still only waiting: there is no check to be done.
  const notChecking = next(scene.ward, 'call-error');
  scene.ward.emit('checked', { participantId: scene.participantId });
  expect(await notChecking).toEqual({ code: 'not_found', message: 'That visitor is not being checked.' });
  const malformed = next(scene.ward, 'call-error');
  scene.ward.emit('checked', { participantId: '<b>Eve</b>' });
  expect(await malformed).toMatchObject({ code: 'invalid_event' });
  expect(scene.visitor.connected).toBe(true);
});
