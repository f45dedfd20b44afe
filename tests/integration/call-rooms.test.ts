import { afterEach, expect, it } from 'vitest';
import { markMissed } from '../../src/server/jobs/missed-visits.js';
import { loadConfig } from '../../src/server/config.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { CallSockets, next, visitWithLink } from './call-sockets.js';
import { TEST_MORNING, testClock } from '../helpers/test-clock.js';

/**
 * The relay keeps a room per visit in memory. Each must go once nobody is in it, or its
 * visit closes, or the process would hold rooms for ever (found by reading the code, issue 15).
 */

let server: TestServer;
let sockets: CallSockets;
const clock = testClock();

async function open() {
  clock.at = new Date(TEST_MORNING);
  // A one-second grace period, so a lost tablet's runs out within the test.
  server = await startServer({ now: clock.now, env: { CALL_GRACE_SECONDS: '1' } });
  sockets = new CallSockets(server);
  return visitWithLink(server, (at) => (clock.at = at));
}
afterEach(async () => {
  sockets.closeAll();
  await server.close();
});

const rooms = () => server.app.callRelay.roomCount();

it('lets go of the room of a visitor who joined before the ward started, then left', async () => {
  const linked = await open();
  const visitor = await sockets.connect({ token: linked.token });
  const joined = next(visitor, 'joined');
  visitor.emit('join', { name: 'Sam' });
  await joined;
  expect(await rooms()).toBe(1);
  visitor.emit('leave', {});
  await expect.poll(rooms).toBe(0);
});

it('lets go of the room when the tablet of a visit that never connected is lost, and nobody waits', async () => {
  const linked = await open();
  const ward = await sockets.connect({ cookie: linked.cookie });
  const room = next(ward, 'room');
  ward.emit('start', { visitId: linked.visit.id });
  await room;
  expect(await rooms()).toBe(1);
  await sockets.drop(ward);
  await expect.poll(rooms, { timeout: 5_000 }).toBe(0);
});

it('tells visitors still waiting when the visit is marked missed, closes their connection, and lets go of the room', async () => {
  const linked = await open();
  const visitor = await sockets.connect({ token: linked.token });
  const joined = next(visitor, 'joined');
  visitor.emit('join', { name: 'Sam' });
  await joined;
  const ended = next(visitor, 'ended');
  const closed = next(visitor, 'disconnect');
  // Past the slot and its grace period: the missed-visits job's next run marks it.
  clock.at = new Date('2026-11-21T15:31:00Z');
  expect(await markMissed({ config: loadConfig({ NODE_ENV: 'test' }, process.cwd()), db: server.db, now: clock.now }, server.app.events)).toBe(1);
  await ended;
  await closed;
  expect(await rooms()).toBe(0);
});
