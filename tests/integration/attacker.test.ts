import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADDRESS_MAX_FAILURES } from '../../src/shared/index.js';
import { ApiClient, signedInDemoWard } from '../helpers/api-client.js';
import type { TestServer } from '../helpers/server.js';
import { CallSockets, next, visitorWaiting, type LinkedVisit, startCallTestBed, type CallTestBed } from './call-sockets.js';

/** Someone guessing: links, PINs, cookies. Every test's guesses come from one address, 127.0.0.1. */

const MINUTE = 60_000;
const TOO_MANY = /^Too many wrong tries from this network\. Try again after \d\d:\d\d\.$/;

let bed: CallTestBed;
let server: TestServer;
let sockets: CallSockets;
let linked: LinkedVisit;

beforeEach(async () => {
  bed = await startCallTestBed();
  ({ server, sockets, linked } = bed);
});
afterEach(async () => {
  await bed.close();
});

const madeUpToken = (i: number) => `${String(i).padStart(3, '0')}${'x'.repeat(40)}`;

describe('guessing join links', () => {
  // Hazard H01: nobody joins a call until the ward checks and admits them
  it('is refused for 15 minutes after 30 wrong tokens, even with the right one, and says until when', async () => {
    const guesser = new ApiClient(server.url);
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) expect((await guesser.openVisit(madeUpToken(i))).status).toBe(404);
    const refused = await guesser.openVisit(linked.token);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.body.error.message).toMatch(TOO_MANY);
    expect(Number(refused.headers.get('retry-after'))).toBe(15 * 60);
    expect(await server.db.selectFrom('visitor_sessions').selectAll().execute()).toEqual([]);

    bed.clock.at = new Date(bed.clock.at.getTime() + 15 * MINUTE);
    expect((await guesser.openVisit(linked.token)).status).toBe(200);
  });

  it("does not count a visitor's right link, however often the page is reloaded", async () => {
    const family = new ApiClient(server.url);
    for (let i = 0; i < ADDRESS_MAX_FAILURES * 2; i++) expect((await family.openVisit(linked.token)).status).toBe(200);
  });
});

describe('guessing PINs', () => {
  it('across many ward codes is refused after 30 wrong tries, before the right PIN is even checked', async () => {
    const guesser = new ApiClient(server.url);
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) {
      expect((await guesser.signIn(`WARD${i}`, '000000')).status).toBe(401);
    }
    const refused = await guesser.signIn(server.demo.wardCode, server.demo.pin);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(TOO_MANY);
    expect(refused.headers.get('set-cookie')).toBeNull();
  });
});

describe('guessing cookies on the call relay', () => {
  it('is refused after 30 made-up visitor sessions, and the address is then refused on HTTP too', async () => {
    const attempt = (cookie: string) =>
      new Promise<string>((resolve) => {
        const socket = io(`${server.url}/call`, { transports: ['websocket'], reconnection: false, auth: { as: 'visitor' }, extraHeaders: { cookie } });
        socket.on('connect', () => resolve('connected'));
        socket.on('connect_error', (error) => resolve(error.message));
      });
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) expect(await attempt(`wvv_visitor=${madeUpToken(i)}`)).toBe('not_found');
    expect(await attempt(`wvv_visitor=${madeUpToken(99)}`)).toBe('rate_limited');
    expect((await new ApiClient(server.url).openVisit(linked.token)).status).toBe(429);
  });
});

describe('tablets whose shift is over', () => {
  // Hazard H12: tablets keep working, and nurses can sign in, when the server is down or attacked
  it('are not taken for guessers when their stale cookies reconnect, so the hospital can still sign in', async () => {
    const attempt = (cookie: string) =>
      new Promise<string>((resolve) => {
        const socket = io(server.url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
        socket.on('connect', () => resolve('connected'));
        socket.on('connect_error', (error) => resolve(error.message));
      });
    const tablet = await signedInDemoWard(server);
    const stale = tablet.cookieHeader;
    await tablet.request('DELETE', '/api/session');
    for (let i = 0; i < ADDRESS_MAX_FAILURES * 2; i++) expect(await attempt(stale)).toBe('not_signed_in');
    expect((await tablet.signIn(server.demo.wardCode, server.demo.pin)).status).toBe(200);
  });
});

describe('a visit cancelled while its visitor waits', () => {
  // Hazard H04: the visit list and the family's link show the current visit
  // Hazard H10: no picture or sound reaches a visitor outside the visit
  it('tells the visitor it has ended and closes their connection; the link then lets no one in', async () => {
    const scene = await visitorWaiting(sockets, linked);
    const ended = next(scene.visitor, 'ended');
    const closed = next(scene.visitor, 'disconnect');
    const tablet = await signedInDemoWard(server);
    const cancel = await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: linked.visit.id, baseVersion: 2, reason: 'Patient is unwell' });
    expect(cancel.status).toBe(200);
    await ended;
    expect(await closed).toBe('io server disconnect');
    await expect(sockets.connect({ token: linked.token })).rejects.toThrow('link_closed');
  });
});
