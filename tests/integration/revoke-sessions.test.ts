import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { ApiClient } from '../helpers/api-client.js';
import { runCli as runCommandLine } from '../helpers/command-line.js';
import type { TestServer } from '../helpers/server.js';
import { CallSockets, next, type LinkedVisit, startCallTestBed, type CallTestBed } from './call-sockets.js';

let bed: CallTestBed;
let server: TestServer;
let sockets: CallSockets;
let linked: LinkedVisit;
const open: Socket[] = [];

beforeEach(async () => {
  bed = await startCallTestBed();
  ({ server, sockets, linked } = bed);
});
afterEach(async () => {
  for (const socket of open.splice(0)) socket.close();
  await bed.close();
});

const runCli = (...args: string[]) => runCommandLine(server.dataDir, ...args);

/** The tablet's live-update socket (the root namespace). */
function liveUpdates(cookie: string): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

/** A tablet in a call: its live-update socket and its call socket, the visit started. */
async function tabletInCall(cookie: string) {
  const updates = await liveUpdates(cookie);
  const call = await sockets.connect({ cookie });
  const room = next(call, 'room');
  call.emit('start', { visitId: linked.visit.id });
  await room;
  return { updates, call };
}

async function signedIn(code: string, pin: string) {
  const client = new ApiClient(server.url);
  expect((await client.signIn(code, pin)).status).toBe(200);
  return client;
}

describe('revoking every session of a ward (a lost tablet)', () => {
  // Hazard H07: a lost tablet can be shut out and holds little
  it('refuses its tablets at once on HTTP, closes their open sockets within seconds, and leaves other wards alone', async () => {
    const spare = await signedIn(server.demo.wardCode, server.demo.pin);
    await server.addWard('WARD2', '654321');
    const otherWard = await signedIn('WARD2', '654321');
    const { updates, call } = await tabletInCall(linked.cookie);
    const closed = Promise.all([next(updates, 'disconnect'), next(call, 'disconnect')]);

    const result = await runCli('revoke-sessions', 'demo');
    expect(result.code).toBe(0);
    expect(result.output).toContain('Signed out 3 sessions of Demo ward (DEMO).');

    const lost = new ApiClient(server.url);
    expect((await lost.request('GET', '/api/visits', undefined, { cookie: linked.cookie })).status).toBe(401);
    expect((await spare.list()).status).toBe(401);
    expect((await otherWard.list()).status).toBe(200);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
    await expect(liveUpdates(linked.cookie)).rejects.toThrow('not_signed_in');
    await expect(sockets.connect({ cookie: linked.cookie })).rejects.toThrow('not_allowed');
    // The ward PIN still signs a tablet in again.
    expect((await spare.signIn(server.demo.wardCode, server.demo.pin)).status).toBe(200);
  });

  it('says so plainly for a ward code that does not exist, or no code', async () => {
    const unknown = await runCli('revoke-sessions', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.output).toBe('There is no ward with the code NOPE. Check the code and try again.\n');
    const bare = await runCli();
    expect(bare.code).toBe(2);
    expect(bare.output).toContain('npm run revoke-sessions -- <ward code>');
    expect((await new ApiClient(server.url).request('GET', '/api/visits', undefined, { cookie: linked.cookie })).status).toBe(200);
  });
});

describe('a session that stops', () => {
  it('by sign-out closes the tablet\'s call socket and live updates at once', async () => {
    const { updates, call } = await tabletInCall(linked.cookie);
    const closed = Promise.all([next(updates, 'disconnect'), next(call, 'disconnect')]);
    const tablet = new ApiClient(server.url);
    expect((await tablet.request('DELETE', '/api/session', undefined, { cookie: linked.cookie })).status).toBe(204);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
  });

  // Hazard H06: an unattended tablet locks and its session ends
  it('by running out at the end of the shift closes its sockets too', async () => {
    const { updates, call } = await tabletInCall(linked.cookie);
    const closed = Promise.all([next(updates, 'disconnect'), next(call, 'disconnect')]);
    bed.clock.at = new Date(bed.clock.at.getTime() + 12 * 3_600_000);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
  });
});
