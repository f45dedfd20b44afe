import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { type PresenceUpdate, type VisitorPresence } from '../../src/shared/index.js';
import { parse } from 'valibot';
import { presenceUpdateSchema } from '../../src/shared/push-schemas.js';
import { ApiClient } from '../helpers/api-client.js';
import { columnsHolding, filesHolding } from '../helpers/db-search.js';
import { next, startCallTestBed, visitorCookie, visitorWaiting, type CallTestBed } from './call-sockets.js';

/**
 * Live presence on the ward's socket: what the relay sees of each visitor (opened the link,
 * waiting, in the call, reconnecting, left) reaches every tablet of the ward, in full when a
 * tablet connects, and nowhere else: not another ward, not the database, not the logs.
 */

const VISITOR = 'Peter Smith';
let bed: CallTestBed;
const wardSockets: Socket[] = [];

beforeEach(async () => {
  bed = await startCallTestBed();
});
afterEach(async () => {
  for (const socket of wardSockets.splice(0)) socket.close();
  await bed.close();
});

/** A tablet's live-update socket, keeping the latest presence of each visit as the tablet would. */
async function wardTablet(cookie = bed.linked.cookie) {
  // forceNew: socket.io-client would otherwise carry the call sockets over this one's connection, and its cookie.
  const socket = io(bed.server.url, { forceNew: true, transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  wardSockets.push(socket);
  const pushes: PresenceUpdate[] = [];
  const latest = new Map<string, VisitorPresence[]>();
  socket.on('presence', (payload: unknown) => {
    // Every push keeps to the shared contract the tablet checks on arrival.
    const update = parse(presenceUpdateSchema, payload);
    pushes.push(update);
    if (update.full) latest.clear();
    for (const visit of update.visits) latest.set(visit.visitId, visit.visitors);
  });
  await expect.poll(() => pushes.length).toBe(1);
  return { socket, pushes, visitors: (visitId = bed.linked.visit.id) => latest.get(visitId) ?? [] };
}

const states = (visitors: VisitorPresence[]) => visitors.map(({ name, state }) => ({ name, state }));

describe('presence pushed to the ward', () => {
  it('follows a visitor from opening the link to waiting, the identity check, the call, a dropped connection and leaving', async () => {
    const other = await wardTablet();
    expect(other.pushes[0]).toEqual({ full: true, visits: [] });

    const cookie = await visitorCookie(bed.server, bed.linked.token);
    await expect.poll(() => states(other.visitors())).toEqual([{ name: null, state: 'opened' }]);
    expect(other.visitors()[0]!.since).toBe('2026-11-21T14:20:00.000Z');

    const ward = await bed.sockets.connect({ cookie: bed.linked.cookie });
    const room = next(ward, 'room');
    ward.emit('start', { visitId: bed.linked.visit.id });
    await room;
    bed.clock.at = new Date('2026-11-21T14:26:00Z');
    const visitor = await bed.sockets.connect({ visitorCookie: cookie });
    const waiting = next(ward, 'participant');
    visitor.emit('join', { name: VISITOR });
    const participantId: string = (await waiting).id;
    // The same browser that opened the link: one entry, now with the name they gave.
    await expect.poll(() => other.visitors()).toEqual([{ name: VISITOR, state: 'waiting', since: '2026-11-21T14:26:00.000Z' }]);

    const admitted = next(visitor, 'admitted');
    ward.emit('admit', { participantId });
    const { pairingId } = await admitted;
    // Let in to the identity check first, then into the call.
    await expect.poll(() => states(other.visitors())).toEqual([{ name: VISITOR, state: 'checking' }]);
    ward.emit('checked', { participantId });
    await expect.poll(() => states(other.visitors())).toEqual([{ name: VISITOR, state: 'in-call' }]);

    ward.emit('interrupted', { participantId, pairingId });
    await expect.poll(() => states(other.visitors())).toEqual([{ name: VISITOR, state: 'reconnecting' }]);
    ward.emit('connected', { participantId, pairingId });
    await expect.poll(() => states(other.visitors())).toEqual([{ name: VISITOR, state: 'in-call' }]);

    // Their phone loses its signal: a place is kept for it, and the ward sees it is reconnecting.
    await bed.sockets.drop(visitor);
    await expect.poll(() => states(other.visitors())).toEqual([{ name: VISITOR, state: 'reconnecting' }]);
    const back = await bed.sockets.connect({ visitorCookie: cookie });
    back.emit('join', { name: VISITOR, resume: { participantId, pairingId } });
    await expect.poll(() => states(other.visitors())).toEqual([{ name: VISITOR, state: 'in-call' }]);

    back.emit('leave', {});
    await expect.poll(() => states(other.visitors())).toEqual([{ name: VISITOR, state: 'left' }]);
  });

  it('sends the whole picture to a tablet that connects, and only changes after that', async () => {
    await visitorWaiting(bed.sockets, bed.linked);
    const late = await wardTablet();
    expect(late.pushes[0]).toMatchObject({ full: true, visits: [{ visitId: bed.linked.visit.id, visitors: [{ name: 'Sam', state: 'waiting' }] }] });
    await visitorCookie(bed.server, bed.linked.token);
    await expect.poll(() => late.pushes.length).toBe(2);
    expect(late.pushes[1]!.full).toBe(false);
    expect(states(late.visitors())).toEqual([
      { name: 'Sam', state: 'waiting' },
      { name: null, state: 'opened' },
    ]);
  });

  it('says who the ward did not let in', async () => {
    const other = await wardTablet();
    const { ward, participantId } = await visitorWaiting(bed.sockets, bed.linked);
    ward.emit('turn-away', { participantId });
    await expect.poll(() => states(other.visitors())).toEqual([{ name: 'Sam', state: 'turned-away' }]);
  });

  it('clears a visit once it has ended', async () => {
    const other = await wardTablet();
    const { ward } = await visitorWaiting(bed.sockets, bed.linked);
    await expect.poll(() => other.visitors().length).toBe(1);
    ward.emit('end', {});
    await expect.poll(() => other.pushes.at(-1)).toEqual({ full: false, visits: [{ visitId: bed.linked.visit.id, visitors: [] }] });
  });

  it('tells no other ward, and keeps the names out of the database and the logs', async () => {
    await bed.server.addWard('WARD2', '654321');
    const elsewhere = new ApiClient(bed.server.url);
    const signIn = await elsewhere.signIn('WARD2', '654321');
    const otherWard = await wardTablet(signIn.headers.get('set-cookie')!.split(';')[0]!);
    const own = await wardTablet();

    await visitorWaiting(bed.sockets, bed.linked, 'Unusual Presencename');
    await expect.poll(() => states(own.visitors())).toEqual([{ name: 'Unusual Presencename', state: 'waiting' }]);

    expect(otherWard.pushes).toEqual([{ full: true, visits: [] }]);
    expect(await columnsHolding(bed.server.db, 'Presencename')).toEqual([]);
    expect(filesHolding(bed.server.dataDir, 'Presencename')).toEqual([]);
    expect(bed.server.logLines.filter((line) => line.includes('Presencename'))).toEqual([]);
  });
});
