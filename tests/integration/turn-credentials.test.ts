import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import type { IceServer, Visit } from '../../src/shared/index.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { CallSockets, next } from './call-sockets.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

/**
 * TURN credentials as the relay hands them out at start and join, read off real sockets: one
 * per participant, in coturn's REST-API scheme, expiring by the documented rule. And the
 * configuration that feeds them, refused at start-up when it is wrong.
 */

const SECRET = 'turn-secret-shared-with-coturn-0123456789';
const TURN_URLS = ['turn:turn.example.org:3478?transport=udp', 'turn:turn.example.org:3478?transport=tcp', 'turns:turn.example.org:443?transport=tcp'];
const STUN_URLS = ['stun:stun.example.org:3478'];
const STATIC = [{ urls: 'stun:static.example.org:3478' }];
const TURN_ENV = {
  TURN_URLS: TURN_URLS.join(','),
  TURN_SECRET: SECRET,
  STUN_URLS: STUN_URLS.join(', '),
  ICE_SERVERS: JSON.stringify(STATIC),
  ICE_TRANSPORT_POLICY: 'relay',
};
const HOUR = 3_600_000;
/** The rule in docs/deploy.md, written out again here rather than imported: end + 30 min grace, within 4 h to 12 h from now. */
const expectedExpiry = (visit: Visit, now: Date) => {
  const byVisit = Date.parse(visit.startsAt) + (visit.lengthMinutes + 30) * 60_000;
  return Math.floor(Math.min(Math.max(byVisit, now.getTime() + 4 * HOUR), now.getTime() + 12 * HOUR) / 1000);
};

let clock: Date;
let server: TestServer | undefined;
let sockets: CallSockets | undefined;

afterEach(async () => {
  sockets?.closeAll();
  await server?.close();
  server = sockets = undefined;
});

async function serverWith(env: Record<string, string>) {
  clock = new Date(TEST_MORNING);
  server = await startServer({ now: () => clock, env });
  sockets = new CallSockets(server);
  return { server, sockets };
}

/** A visit at 14:30 on 21 November of the given length, the clock at 14:20, a tablet cookie and the link's token. */
async function visitAt1430(lengthMinutes: number) {
  const tablet = new ApiClient(server!.url);
  await tablet.signIn(server!.demo.wardCode, server!.demo.pin);
  const visit = (await tablet.send(book({ date: '2026-11-21', time: '14:30', lengthMinutes, visitorName: 'Sam Visitor' }))).body.visits[0]!;
  const url: string = (await tablet.request('GET', `/api/visits/${visit.id}/join-link`)).body.url;
  clock = new Date('2026-11-21T14:20:00Z');
  const signIn = await tablet.signIn(server!.demo.wardCode, server!.demo.pin);
  return { visit, token: url.split('/visit/')[1]!, cookie: signIn.headers.get('set-cookie')!.split(';')[0]! };
}

async function startAsTablet(cookie: string, visitId: string) {
  const ward = await sockets!.connect({ cookie });
  const room = next(ward, 'room');
  ward.emit('start', { visitId });
  return room;
}

async function joinAsVisitor(token: string, name: string) {
  const visitor = await sockets!.connect({ token });
  const joined = next(visitor, 'joined');
  visitor.emit('join', { name });
  return joined;
}

/** The one TURN entry, after the static and STUN ones, with the same URLs as configured. */
function turnEntry(iceServers: IceServer[]): { username: string; credential: string } {
  expect(iceServers.slice(0, 2)).toEqual([...STATIC, { urls: STUN_URLS }]);
  expect(iceServers).toHaveLength(3);
  const turn = iceServers[2]!;
  expect(turn.urls).toEqual(TURN_URLS);
  return { username: turn.username!, credential: turn.credential! };
}

function expectValid(turn: { username: string; credential: string }, expiry: number) {
  expect(turn.username).toMatch(new RegExp(`^${expiry}:[A-Za-z0-9_-]{22}$`));
  expect(turn.credential).toBe(createHmac('sha1', SECRET).update(turn.username).digest('base64'));
}

describe('TURN credentials at start and join', () => {
  it('gives the tablet and each visitor their own credential, expiring by the rule, with the relay policy', async () => {
    await serverWith(TURN_ENV);
    const { visit, token, cookie } = await visitAt1430(30);
    const room = await startAsTablet(cookie, visit.id);
    const first = await joinAsVisitor(token, 'Sam');
    const second = await joinAsVisitor(token, 'Kim');
    const expiry = expectedExpiry(visit, clock);
    // A 30-minute visit ends long before the 4-hour floor: the floor decides.
    expect(expiry).toBe(Math.floor(clock.getTime() / 1000) + 4 * 3600);
    const usernames = [];
    for (const payload of [room, first, second]) {
      expect(payload.iceTransportPolicy).toBe('relay');
      const turn = turnEntry(payload.iceServers);
      expectValid(turn, expiry);
      expect(turn.username).not.toMatch(/Sam|Kim|Visitor/);
      expect(turn.username).not.toContain(visit.id);
      usernames.push(turn.username);
    }
    expect(new Set(usernames).size).toBe(3);
    expect(server!.logLines.join('\n')).not.toContain(SECRET);
  });

  it('lets a long visit set the expiry: its end plus the join grace', async () => {
    await serverWith(TURN_ENV);
    const { visit, token, cookie } = await visitAt1430(240);
    const room = await startAsTablet(cookie, visit.id);
    const joined = await joinAsVisitor(token, 'Sam');
    const expiry = expectedExpiry(visit, clock);
    expect(expiry).toBe(Date.parse('2026-11-21T19:00:00Z') / 1000);
    expectValid(turnEntry(room.iceServers), expiry);
    expectValid(turnEntry(joined.iceServers), expiry);
  });

  it('mints a fresh credential when the tablet starts the visit again, dated from then', async () => {
    await serverWith(TURN_ENV);
    const { visit, cookie } = await visitAt1430(30);
    const before = turnEntry((await startAsTablet(cookie, visit.id)).iceServers);
    clock = new Date('2026-11-21T15:50:00Z');
    const again = turnEntry((await startAsTablet(cookie, visit.id)).iceServers);
    expect(again.username).not.toBe(before.username);
    expectValid(again, expectedExpiry(visit, clock));
  });

  it('hands out no TURN, and the "all" policy, when none is configured', async () => {
    await serverWith({});
    const { visit, token, cookie } = await visitAt1430(30);
    const room = await startAsTablet(cookie, visit.id);
    const joined = await joinAsVisitor(token, 'Sam');
    for (const payload of [room, joined]) {
      expect(payload.iceServers).toEqual([]);
      expect(payload.iceTransportPolicy).toBe('all');
    }
  });

  it('hands out static ICE_SERVERS unchanged when they are all there is', async () => {
    const fixed = [{ urls: 'turn:fixed.example.org:3478', username: 'fixed', credential: 'fixed-password' }];
    await serverWith({ ICE_SERVERS: JSON.stringify(fixed), ICE_TRANSPORT_POLICY: 'relay' });
    const { visit, cookie } = await visitAt1430(30);
    expect(await startAsTablet(cookie, visit.id)).toMatchObject({ iceServers: fixed, iceTransportPolicy: 'relay' });
  });
});

describe('TURN configuration', () => {
  const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }, process.cwd());
  const refusal = (env: Record<string, string>) => {
    try {
      load(env);
    } catch (error) {
      if (error instanceof ConfigError) return { variable: error.variable, message: error.message };
      throw error;
    }
    throw new Error(`accepted ${JSON.stringify(env)}`);
  };

  it('reads TURN_URLS, TURN_SECRET, STUN_URLS and ICE_TRANSPORT_POLICY', () => {
    expect(load(TURN_ENV).ice).toEqual({ staticServers: STATIC, stunUrls: STUN_URLS, turn: { urls: TURN_URLS, secret: SECRET }, transportPolicy: 'relay' });
    expect(load({}).ice).toEqual({ staticServers: [], stunUrls: [], turn: null, transportPolicy: 'all' });
    expect(load({ TURN_URLS: 'turn:10.0.0.5,turn:[2001:db8::1]:3478?transport=tcp', TURN_SECRET: SECRET }).ice.turn?.urls).toEqual([
      'turn:10.0.0.5',
      'turn:[2001:db8::1]:3478?transport=tcp',
    ]);
  });

  it('stops start-up naming the variable for each kind of mistake', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ TURN_URLS: 'https://turn.example.org', TURN_SECRET: SECRET }, 'TURN_URLS', /comma-separated list of URLs like turn:.*"https:\/\/turn.example.org" is not one/],
      [{ TURN_URLS: 'turn:', TURN_SECRET: SECRET }, 'TURN_URLS', /"turn:" is not one/],
      [{ TURN_URLS: 'turn:a.example.org?transport=sctp', TURN_SECRET: SECRET }, 'TURN_URLS', /transport=sctp/],
      [{ TURN_URLS: 'turns:a.example.org:443?transport=udp', TURN_SECRET: SECRET }, 'TURN_URLS', /turns:a.example.org:443\?transport=udp/],
      [{ TURN_URLS: 'turn:user:pass@a.example.org', TURN_SECRET: SECRET }, 'TURN_URLS', /is not one/],
      [{ TURN_URLS: TURN_URLS.join(',') }, 'TURN_SECRET', /must be set when TURN_URLS is/],
      [{ TURN_URLS: TURN_URLS.join(','), TURN_SECRET: 'short' }, 'TURN_SECRET', /at least 32 characters/],
      [{ TURN_SECRET: SECRET }, 'TURN_SECRET', /TURN_URLS is not/],
      [{ STUN_URLS: 'stun.example.org:3478' }, 'STUN_URLS', /like stun:stun.example.org:3478/],
      [{ ICE_TRANSPORT_POLICY: 'none' }, 'ICE_TRANSPORT_POLICY', /one of all, relay \(it is "none"\)/],
      [{ ICE_TRANSPORT_POLICY: 'relay' }, 'ICE_TRANSPORT_POLICY', /needs a TURN server/],
      [{ ICE_TRANSPORT_POLICY: 'relay', STUN_URLS: STUN_URLS[0]! }, 'ICE_TRANSPORT_POLICY', /needs a TURN server/],
    ];
    for (const [env, variable, message] of cases) {
      const refused = refusal(env);
      expect(refused.variable, JSON.stringify(env)).toBe(variable);
      expect(refused.message, JSON.stringify(env)).toMatch(message);
      // The secret is never repeated back, even in a refusal.
      expect(refused.message).not.toContain(SECRET);
    }
  });

  it('stops the real server with the message and exit code 1', async () => {
    const main = resolve(import.meta.dirname, '../../dist/node/server/main.js');
    const dataDir = mkdtempSync(join(tmpdir(), 'wvv-turn-'));
    try {
      const child = spawn(process.execPath, [main], {
        env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir, TURN_URLS: TURN_URLS[0]!, TURN_SECRET: 'too short' },
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise<number | null>((done) => child.on('exit', done));
      expect(code).toBe(1);
      expect(output).toContain('Cannot start: TURN_SECRET must be at least 32 characters');
      expect(output).not.toContain('too short');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
