import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_VISITORS_PER_VISIT } from '../../src/shared/index.js';
import { next, startCallTestBed, visitorWaiting, type CallTestBed } from './call-sockets.js';

/** Issue 12: one link holder could take every place in a visit; the ward can now turn a waiting visitor away. */

let bed: CallTestBed;
beforeEach(async () => {
  bed = await startCallTestBed();
});
afterEach(() => bed.close());

// Hazard H01: nobody joins a call until the ward checks and admits them
it('lets a waiting visitor go, tells them in words to phone the ward, and frees their place', async () => {
  const scene = await visitorWaiting(bed.sockets, bed.linked);
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

it('turns away only someone waiting: an admitted visitor stays, and an unknown id is refused in words', async () => {
  const scene = await visitorWaiting(bed.sockets, bed.linked);
  const admitted = next(scene.visitor, 'admitted');
  scene.ward.emit('admit', { participantId: scene.participantId });
  await admitted;
  for (const participantId of [scene.participantId, crypto.randomUUID()]) {
    const refused = next(scene.ward, 'call-error');
    scene.ward.emit('turn-away', { participantId });
    expect(await refused).toEqual({ code: 'not_found', message: 'That visitor is no longer waiting.' });
  }
  expect(scene.visitor.connected).toBe(true);
});

// Hazard H01: nobody joins a call until the ward checks and admits them
it('cannot be sent by a visitor', async () => {
  const scene = await visitorWaiting(bed.sockets, bed.linked);
  const refused = next(scene.visitor, 'call-error');
  scene.visitor.emit('turn-away', { participantId: scene.participantId });
  expect(await refused).toMatchObject({ code: 'invalid_event' });
  expect(scene.visitor.connected).toBe(true);
});
