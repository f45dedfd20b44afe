import { afterAll, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { MAX_SOCKETS_PER_SESSION } from '../../src/server/relay/session-sockets.js';
import { signedInDemoWard } from '../helpers/api-client.js';
import { useServer } from '../helpers/use-server.js';
import { visitWithLink, visitorCookie } from './call-sockets.js';
import { testClock } from '../helpers/test-clock.js';

/** One session's cookie opens a few sockets at most, on each namespace; more are refused in plain words. */

const clock = testClock();
const open: Socket[] = [];

const server = useServer({ now: clock.now });
afterAll(async () => {
  for (const socket of open.splice(0)) socket.close();
});

/** Resolves with the socket once connected, or with the refusal's data. */
function connect(path: string, cookie: string, asVisitor = false): Promise<Socket | { code: string; message: string }> {
  const socket = io(`${server.url}${path}`, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie }, auth: asVisitor ? { as: 'visitor' } : {} });
  open.push(socket);
  return new Promise((resolve) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', (error) => resolve((error as Error & { data: { code: string; message: string } }).data));
  });
}

async function fill(path: string, cookie: string, asVisitor = false): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let n = 0; n < MAX_SOCKETS_PER_SESSION; n++) {
    const socket = await connect(path, cookie, asVisitor);
    expect(socket, `socket ${n + 1}`).toHaveProperty('connected', true);
    sockets.push(socket as Socket);
  }
  return sockets;
}

it('caps a tablet session at a few sockets on each namespace, and lets one in again when one closes', async () => {
  const tablet = await signedInDemoWard(server);
  for (const path of ['/', '/call']) {
    const sockets = await fill(path, tablet.cookieHeader);
    const refused = await connect(path, tablet.cookieHeader);
    expect(refused, path).toEqual({ code: 'rate_limited', message: 'This device has too many connections open. Close the other tabs of this service, then try again.' });
    sockets[0]!.close();
    await expect.poll(async () => ('connected' in (await connect(path, tablet.cookieHeader)) ? 'in' : 'refused')).toBe('in');
  }
  // Another tablet of the ward has its own allowance.
  const other = await signedInDemoWard(server);
  expect(await connect('/', other.cookieHeader)).toHaveProperty('connected', true);
});

it('caps a visitor session the same way', async () => {
  const linked = await visitWithLink(server, (at) => (clock.at = at));
  const cookie = await visitorCookie(server, linked.token);
  await fill('/call', cookie, true);
  expect(await connect('/call', cookie, true)).toMatchObject({ code: 'rate_limited' });
});
