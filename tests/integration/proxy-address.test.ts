import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ADDRESS_MAX_FAILURES } from '../../src/shared/index.js';
import { ApiClient } from '../helpers/api-client.js';
import { sendRaw } from '../helpers/raw-http.js';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * Whose address the per-address limit counts. Every request here really comes from this
 * machine (127.0.0.1, or 127.0.0.2 for "the hospital"); X-Forwarded-For is what a client, or a
 * proxy, wrote. The made-up addresses are documentation ranges (RFC 5737).
 */

const WARD = { code: 'HOSP1', pin: '246810' };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  server = await startServer({ env: { NODE_ENV: 'production', JOIN_LINK_SECRET: 'a'.repeat(40), ...env } });
  await server.addWard(WARD.code, WARD.pin);
  return server;
}

/** A wrong PIN for a ward code of its own each time, so only the per-address limit can refuse it. */
async function wrongSignIn(s: TestServer, i: number, headers: Record<string, string> = {}): Promise<number> {
  return (await new ApiClient(s.url).request('POST', '/api/session', { wardCode: `NOPE${i}`, pin: '000000' }, headers)).status;
}

function rightSignIn(s: TestServer, headers: Record<string, string> = {}) {
  return new ApiClient(s.url).request('POST', '/api/session', { wardCode: WARD.code, pin: WARD.pin }, headers);
}

/** The statuses of `count` wrong sign-ins, the i-th with the headers `headersFor(i)`. */
async function wrongSignIns(s: TestServer, count: number, headersFor: (i: number) => Record<string, string>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push(await wrongSignIn(s, i, headersFor(i)));
  return statuses;
}

const refusedFromThe31st = (statuses: number[]) => {
  expect(statuses.slice(0, ADDRESS_MAX_FAILURES)).toEqual(Array(ADDRESS_MAX_FAILURES).fill(401));
  expect(statuses.slice(ADDRESS_MAX_FAILURES)).toEqual(Array(statuses.length - ADDRESS_MAX_FAILURES).fill(429));
};

/** A call-relay handshake with a made-up visitor session, as a guesser would try: its error code, or 'connected'. */
function madeUpSocket(s: TestServer, i: number, forwardedFor: string): Promise<string> {
  const cookie = `wvv_visitor=${String(i).padStart(3, '0')}${'x'.repeat(40)}`;
  return new Promise((resolve) => {
    const socket = io(`${s.url}/call`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { as: 'visitor' },
      extraHeaders: { cookie, 'x-forwarded-for': forwardedFor },
    });
    socket.on('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.on('connect_error', (error) => resolve(error.message));
  });
}

async function madeUpSockets(s: TestServer, count: number, forwardedFor: (i: number) => string): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < count; i++) answers.push(await madeUpSocket(s, i, forwardedFor(i)));
  return answers;
}

describe('without TRUST_PROXY, even in production', () => {
  it('ignores X-Forwarded-For: 40 wrong sign-ins "from" 40 made-up addresses are one address, refused from the 31st', async () => {
    const s = await start();
    refusedFromThe31st(await wrongSignIns(s, 40, (i) => ({ 'x-forwarded-for': `198.51.100.${i + 1}` })));
  });

  // Hazard H12: tablets keep working, and nurses can sign in, when the server is down or attacked
  it("cannot be made to lock out a hospital's address by naming it", async () => {
    const s = await start();
    const hospital = '127.0.0.2';
    const statuses = await wrongSignIns(s, ADDRESS_MAX_FAILURES, () => ({ 'x-forwarded-for': hospital }));
    expect(statuses).toEqual(Array(ADDRESS_MAX_FAILURES).fill(401));
    const nurse = await sendRaw(s.url, {
      method: 'POST',
      path: '/api/session',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ wardCode: WARD.code, pin: WARD.pin }),
      localAddress: hospital,
    });
    expect(nurse.status).toBe(200);
  });

  it('ignores X-Forwarded-Proto: no Secure cookie and no HSTS over plain HTTP', async () => {
    const s = await start();
    const answer = await rightSignIn(s, { 'x-forwarded-proto': 'https' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).not.toMatch(/Secure/);
    expect(answer.headers.get('strict-transport-security')).toBeNull();
  });

  it('says once in the log that a proxy it does not trust sent X-Forwarded-For, without the address', async () => {
    const s = await start();
    await wrongSignIn(s, 1, { 'x-forwarded-for': '198.51.100.1' });
    await wrongSignIn(s, 2, { 'x-forwarded-for': '198.51.100.2' });
    const warnings = s.logLines.filter((line) => line.includes('TRUST_PROXY does not name'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toMatch(/198\.51\.100|127\.0\.0/);
  });

  it('ignores X-Forwarded-For on the socket handshake too', async () => {
    const s = await start();
    const answers = await madeUpSockets(s, ADDRESS_MAX_FAILURES + 1, (i) => `198.51.100.${i + 1}`);
    expect(answers.slice(0, ADDRESS_MAX_FAILURES)).toEqual(Array(ADDRESS_MAX_FAILURES).fill('not_found'));
    expect(answers[ADDRESS_MAX_FAILURES]).toBe('rate_limited');
  });
});

describe('with one trusted hop (TRUST_PROXY=1)', () => {
  it('counts only the entry the proxy appended: a client-written left entry changes nothing, another right-most entry is another client', async () => {
    const s = await start({ TRUST_PROXY: '1' });
    refusedFromThe31st(await wrongSignIns(s, 40, (i) => ({ 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.7` })));
    expect((await rightSignIn(s, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);

    const other = await rightSignIn(s, { 'x-forwarded-for': '203.0.113.7, 203.0.113.8', 'x-forwarded-proto': 'https' });
    expect(other.status).toBe(200);
    // The proxy's word on the scheme is believed too.
    expect(other.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('follows the same rule on the socket handshake, against the same count as HTTP', async () => {
    const s = await start({ TRUST_PROXY: '1' });
    const answers = await madeUpSockets(s, ADDRESS_MAX_FAILURES + 1, (i) => `198.51.100.${i + 1}, 203.0.113.7`);
    expect(answers.slice(0, ADDRESS_MAX_FAILURES)).toEqual(Array(ADDRESS_MAX_FAILURES).fill('not_found'));
    expect(answers[ADDRESS_MAX_FAILURES]).toBe('rate_limited');
    expect(await madeUpSocket(s, 99, '203.0.113.7, 203.0.113.8')).toBe('not_found');
    expect((await rightSignIn(s, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    expect((await rightSignIn(s, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
  });
});

describe('with the proxies listed by address (TRUST_PROXY=127.0.0.1,10.1.0.0/16)', () => {
  it('walks back past every listed proxy to the first address that is not one', async () => {
    const s = await start({ TRUST_PROXY: '127.0.0.1,10.1.0.0/16' });
    refusedFromThe31st(await wrongSignIns(s, 40, (i) => ({ 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.7, 10.1.${i}.1` })));
    expect((await rightSignIn(s, { 'x-forwarded-for': '203.0.113.8, 10.1.0.1' })).status).toBe(200);
  });

  it('believes neither header from a peer that is not listed', async () => {
    const s = await start({ TRUST_PROXY: '10.0.0.5' });
    const answer = await rightSignIn(s, { 'x-forwarded-proto': 'https' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).not.toMatch(/Secure/);
    refusedFromThe31st(await wrongSignIns(s, 40, (i) => ({ 'x-forwarded-for': `198.51.100.${i + 1}` })));
  });
});
