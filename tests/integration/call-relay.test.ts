import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_MESSAGE_MAX_BYTES, type Visit } from '../../src/shared/index.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { useServer } from '../helpers/use-server.js';
import { EVENT_BURST } from '../../src/server/relay/rate-limit.js';
import { visitorCookie } from './call-sockets.js';
import { useTestClock } from '../helpers/test-clock.js';

/** The call relay driven directly with socket.io-client: every authorisation rule and bad event. */

let tablet: ApiClient;
let cookie: string;
const sockets: Socket[] = [];

const clock = useTestClock();
const server = useServer({ now: clock.now }, { perTest: true });
beforeEach(async () => {
  tablet = new ApiClient(server.url);
  const signIn = await tablet.signIn(server.demo.wardCode, server.demo.pin);
  cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
});

/** A visit at 14:30 on 21 November, with the clock 10 minutes before it so its link is open. */
async function visitWithLink(): Promise<{ visit: Visit; token: string }> {
  const visit = (await tablet.send(book({ date: '2026-11-21', time: '14:30' }))).body.visits[0]!;
  const url: string = (await tablet.request('GET', `/api/visits/${visit.id}/join-link`)).body.url;
  clock.at = new Date('2026-11-21T14:20:00Z');
  await tablet.signIn(server.demo.wardCode, server.demo.pin).then((a) => (cookie = a.headers.get('set-cookie')!.split(';')[0]!));
  return { visit, token: url.split('/visit/')[1]! };
}

/** A tablet by its cookie; a visitor by the link's token, swapped for a visitor session as the page does (or a made-up visitor cookie). */
async function connect(options: { cookie?: string; token?: string; visitorCookie?: string }): Promise<Socket> {
  const visitor = options.token ? await visitorCookie(server, options.token) : options.visitorCookie;
  const socket = io(`${server.url}/call`, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: (visitor ?? options.cookie) ? { cookie: (visitor ?? options.cookie)! } : {},
    auth: visitor ? { as: 'visitor' } : {},
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', (error) => reject(error));
  });
}

function next<T = any>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, resolve));
}

/** Resolves with what arrived for the event within a short wait, or 'nothing'. */
function within<T = any>(socket: Socket, event: string, ms = 300): Promise<T | 'nothing'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('nothing'), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

async function statusOf(id: string) {
  return server.db.selectFrom('visits').select(['status', 'ready_at', 'connected_at', 'ended_at']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function startedCall() {
  const { visit, token } = await visitWithLink();
  const ward = await connect({ cookie });
  const room = next(ward, 'room');
  ward.emit('start', { visitId: visit.id });
  expect(await room).toMatchObject({ visitId: visit.id, participants: [], iceServers: [] });
  const visitor = await connect({ token });
  const waiting = next(ward, 'participant');
  const joined = next(visitor, 'joined');
  visitor.emit('join', { name: 'Sam' });
  const participant = await waiting;
  expect(participant).toMatchObject({ name: 'Sam', state: 'waiting' });
  expect(await joined).toMatchObject({ participantId: participant.id, state: 'waiting' });
  return { visit, token, ward, visitor, participantId: participant.id as string };
}

describe('a call through the relay', () => {
  // Hazard H01: nobody joins a call until the ward checks and admits them
  // Hazard H10: no picture or sound reaches a visitor outside the visit
  it('marks the visit ready, lets a visitor wait, and carries no signal before admit', async () => {
    const { visit, ward, visitor, participantId } = await startedCall();
    expect(await statusOf(visit.id)).toMatchObject({ status: 'ready', ready_at: '2026-11-21T14:20:00.000Z' });
    visitor.emit('signal', { pairingId: crypto.randomUUID(), data: { sdp: 'offer' } });
    ward.emit('signal', { to: participantId, pairingId: crypto.randomUUID(), data: { sdp: 'offer' } });
    expect(await within(ward, 'signal')).toBe('nothing');
    expect(await within(visitor, 'signal')).toBe('nothing');
  });

  it('after admit, forwards signals both ways, stamping who sent them', async () => {
    const { ward, visitor, participantId } = await startedCall();
    const admitted = next(visitor, 'admitted');
    ward.emit('admit', { participantId });
    const { pairingId } = await admitted;
    const toVisitor = next(visitor, 'signal');
    ward.emit('signal', { to: participantId, pairingId, data: { type: 'offer', sdp: 'v=0 opaque' } });
    expect(await toVisitor).toEqual({ from: 'ward', pairingId, data: { type: 'offer', sdp: 'v=0 opaque' } });
    const toWard = next(ward, 'signal');
    visitor.emit('signal', { pairingId, data: { type: 'answer' } });
    expect(await toWard).toEqual({ from: participantId, pairingId, data: { type: 'answer' } });
  });

  // Hazard H10: no picture or sound reaches a visitor outside the visit
  it('drops late signals from an older pairing', async () => {
    const { ward, visitor, participantId } = await startedCall();
    ward.emit('admit', { participantId });
    const first = (await next(visitor, 'admitted')).pairingId;
    ward.emit('admit', { participantId });
    const second = (await next(visitor, 'admitted')).pairingId;
    expect(second).not.toBe(first);
    visitor.emit('signal', { pairingId: first, data: { late: true } });
    expect(await within(ward, 'signal')).toBe('nothing');
  });

  // Hazard H10: no picture or sound reaches a visitor outside the visit
  it('records the first connection and the end, and tells visitors the visit ended', async () => {
    const { visit, ward, visitor, participantId } = await startedCall();
    ward.emit('admit', { participantId });
    const { pairingId } = await next(visitor, 'admitted');
    clock.at = new Date('2026-11-21T14:21:00Z');
    ward.emit('connected', { participantId, pairingId });
    await expect.poll(async () => (await statusOf(visit.id)).status).toBe('in-progress');
    clock.at = new Date('2026-11-21T14:51:00Z');
    const ended = next(visitor, 'ended');
    ward.emit('end', {});
    await ended;
    expect(await statusOf(visit.id)).toEqual({
      status: 'completed',
      ready_at: '2026-11-21T14:20:00.000Z',
      connected_at: '2026-11-21T14:21:00.000Z',
      ended_at: '2026-11-21T14:51:00.000Z',
    });
  });

  // Hazard H01: nobody joins a call until the ward checks and admits them
  it('lets three visitor devices wait, and refuses a fourth', async () => {
    const { token } = await startedCall();
    for (const name of ['Two', 'Three']) {
      const extra = await connect({ token });
      const joined = next(extra, 'joined');
      extra.emit('join', { name });
      await joined;
    }
    const fourth = await connect({ token });
    const refused = next(fourth, 'call-error');
    fourth.emit('join', { name: 'Four' });
    expect(await refused).toMatchObject({ code: 'full' });
  });
});

describe('who may do what', () => {
  it('refuses sockets with no session and no link, a made-up link, or a signed-out session', async () => {
    await expect(connect({})).rejects.toThrow('not_allowed');
    await expect(connect({ token: 'x'.repeat(43) })).rejects.toThrow('link_not_found');
    await expect(connect({ visitorCookie: `wvv_visitor=${'x'.repeat(43)}` })).rejects.toThrow('not_found');
    await tablet.request('DELETE', '/api/session');
    await expect(connect({ cookie })).rejects.toThrow('not_allowed');
  });

  it("refuses a cancelled visit's link", async () => {
    const { visit, token } = await visitWithLink();
    await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Patient is unwell' });
    await expect(connect({ token })).rejects.toThrow('link_closed');
  });

  // Hazard H02: a ward sees and starts only its own visits
  it("does not let a ward start another ward's visit", async () => {
    const { visit } = await visitWithLink();
    await server.addWard('WARD2', '654321');
    const other = await new ApiClient(server.url).signIn('WARD2', '654321');
    const otherWard = await connect({ cookie: other.headers.get('set-cookie')!.split(';')[0]! });
    const refused = next(otherWard, 'call-error');
    otherWard.emit('start', { visitId: visit.id });
    expect(await refused).toMatchObject({ code: 'not_found' });
    expect((await statusOf(visit.id)).status).toBe('booked');
  });

  // Hazard H01: nobody joins a call until the ward checks and admits them
  it('does not let a visitor admit itself, or signal another visitor', async () => {
    const { visitor, token, ward } = await startedCall();
    const refused = next(visitor, 'call-error');
    visitor.emit('admit', { participantId: crypto.randomUUID() });
    expect(await refused).toMatchObject({ code: 'invalid_event' });
    const other = await connect({ token });
    other.emit('join', { name: 'Other' });
    const otherId = (await next(other, 'joined')).participantId;
    const stillRefused = next(visitor, 'call-error');
    visitor.emit('signal', { to: otherId, pairingId: crypto.randomUUID(), data: {} });
    expect(await stillRefused).toMatchObject({ code: 'invalid_event' });
    expect(await within(other, 'signal')).toBe('nothing');
    expect(await within(ward, 'signal')).toBe('nothing');
  });
});

describe('bad events', () => {
  it('answers malformed payloads with an error event and carries on', async () => {
    const { ward, visitor, participantId } = await startedCall();
    for (const [event, payload] of [
      ['admit', { participantId: 'not-a-uuid' }],
      ['admit', 'a string'],
      ['signal', { to: participantId, pairingId: crypto.randomUUID(), data: 'x'.repeat(70_000) }],
      ['start', { visitId: crypto.randomUUID(), extra: true }],
      ['__proto__', { polluted: true }],
      ['constructor', {}],
      ['join', { name: 'A tablet is not a visitor' }],
    ] as const) {
      const refused = next(ward, 'call-error');
      ward.emit(event, payload);
      expect((await refused).code, event).toMatch(/invalid_event|not_found/);
    }
    const admitted = next(visitor, 'admitted');
    ward.emit('admit', { participantId });
    expect(await admitted).toMatchObject({ participantId });
  });

  it('limits a flood of events', async () => {
    const { visitor } = await startedCall();
    const limited = next(visitor, 'call-error');
    for (let i = 0; i < 300; i++) visitor.emit('signal', { pairingId: crypto.randomUUID(), data: i });
    expect(await limited).toMatchObject({ code: 'rate_limited' });
  });

  it('counts unknown events against the same budget, and disconnects a socket that floods on', async () => {
    const { ward, visitor } = await startedCall();
    const answers: string[] = [];
    visitor.on('call-error', (error: { code: string }) => answers.push(error.code));
    const closed = next(visitor, 'disconnect');
    for (let i = 0; i < 1_000; i++) visitor.emit(`made-up-${i}`, {});
    expect(await closed).toBe('io server disconnect');
    // Answered until the budget ran out, then told to slow down, then cut off: never 1,000 answers.
    expect(answers.filter((code) => code === 'invalid_event').length).toBeLessThanOrEqual(EVENT_BURST);
    expect(answers).toContain('rate_limited');
    expect(answers.length).toBeLessThan(1_000);
    expect(ward.connected).toBe(true);
  });

  it('closes a socket that sends one message past the size limit, and the call carries on for others', async () => {
    const { ward, visitor } = await startedCall();
    const closed = next(visitor, 'disconnect');
    visitor.emit('signal', { pairingId: crypto.randomUUID(), data: 'x'.repeat(SOCKET_MESSAGE_MAX_BYTES + 1) });
    expect(await closed).toBe('transport close');
    expect(ward.connected).toBe(true);
  });
});
