import { beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { useServer } from '../helpers/use-server.js';
import { useTestClock } from '../helpers/test-clock.js';

const MINUTE = 60_000;
let tablet: ApiClient;

const clock = useTestClock();
const server = useServer({ now: clock.now }, { perTest: true });
beforeEach(async () => {
  tablet = new ApiClient(server.url);
});

describe('ward sign-in', () => {
  it('signs in with ward code and PIN, setting a strict HttpOnly cookie', async () => {
    const answer = await tablet.signIn('demo', server.demo.pin);
    expect(answer.status).toBe(200);
    expect(answer.body.ward.name).toBe(server.demo.wardName);
    expect(answer.body.timeZone).toBe('Europe/London');
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // Plain http on loopback: a Secure cookie would never come back.
    expect(cookie).not.toMatch(/Secure/);
    expect((await tablet.request('GET', '/api/session')).status).toBe(200);
  });

  it('refuses a wrong PIN and an unknown ward code with the same words', async () => {
    const wrongPin = await tablet.signIn(server.demo.wardCode, '000000');
    const unknownCode = await tablet.signIn('NOPE', server.demo.pin);
    expect(wrongPin.status).toBe(401);
    expect(unknownCode.status).toBe(401);
    expect(wrongPin.body.error.message).toBe(unknownCode.body.error.message);
    expect(wrongPin.body.error.message).toMatch(/ward code or PIN is not right/);
  });

  // Hazard H07: a lost tablet can be shut out and holds little
  it('locks a ward code for 15 minutes on this network after five wrong PINs from it within 15 minutes', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await tablet.signIn(server.demo.wardCode, '999999')).status).toBe(401);
      clock.at = new Date(clock.at.getTime() + 2 * MINUTE);
    }
    const fifth = await tablet.signIn(server.demo.wardCode, '999999');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('locked');
    // 09:08 UTC is 09:08 in London in November; locked until 15 minutes later.
    expect(fifth.body.error.message).toBe('This ward code is locked on this network because the PIN was wrong 5 times. Try again after 09:23.');

    clock.at = new Date(clock.at.getTime() + 14 * MINUTE);
    const rightPinWhileLocked = await tablet.signIn(server.demo.wardCode, server.demo.pin);
    expect(rightPinWhileLocked.status).toBe(429);

    clock.at = new Date(clock.at.getTime() + 2 * MINUTE);
    expect((await tablet.signIn(server.demo.wardCode, server.demo.pin)).status).toBe(200);
  });

  it('does not lock for wrong PINs spread over more than 15 minutes', async () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect((await tablet.signIn(server.demo.wardCode, '999999')).status).toBe(401);
      clock.at = new Date(clock.at.getTime() + 4 * MINUTE);
    }
  });

  it('locking one ward code leaves other wards free', async () => {
    await server.addWard('WARD2', '654321');
    for (let attempt = 1; attempt <= 5; attempt++) await tablet.signIn(server.demo.wardCode, '999999');
    expect((await tablet.signIn('ward2', '654321')).status).toBe(200);
  });
});

describe('sessions', () => {
  it('sign-out ends the session on the server, so the old cookie no longer works', async () => {
    await tablet.signIn(server.demo.wardCode, server.demo.pin);
    const stolenCopy = new ApiClient(server.url);
    Object.assign(stolenCopy, { cookie: (tablet as unknown as { cookie: string }).cookie });
    expect((await stolenCopy.list()).status).toBe(200);

    expect((await tablet.request('DELETE', '/api/session')).status).toBe(204);
    const afterSignOut = await stolenCopy.list();
    expect(afterSignOut.status).toBe(401);
    expect(afterSignOut.body.error).toEqual({ code: 'not_signed_in', message: 'Sign in to continue.' });
  });

  // Hazard H06: an unattended tablet locks and its session ends
  it('a session lasts at most 12 hours', async () => {
    await tablet.signIn(server.demo.wardCode, server.demo.pin);
    clock.at = new Date(clock.at.getTime() + 11 * 60 * MINUTE);
    expect((await tablet.list()).status).toBe(200);
    clock.at = new Date(clock.at.getTime() + 61 * MINUTE);
    expect((await tablet.list()).status).toBe(401);
  });

  it('every API route except sign-in needs a session', async () => {
    const routes = server.app.http.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/commands');
    const anonymous = new ApiClient(server.url);
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/session'],
      ['DELETE', '/api/session'],
      ['GET', '/api/visits'],
      ['GET', '/api/visits/4b0c6a36-2f76-4f3e-9a57-1b2f4a0c9e11'],
      ['POST', '/api/commands', { type: 'book' }],
    ];
    for (const [method, path, body] of calls) {
      const answer = await anonymous.request(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.body.error.code).toBe('not_signed_in');
    }
  });

  it('refuses a made-up session cookie', async () => {
    const answer = await tablet.request('GET', '/api/visits', undefined, { cookie: 'wvv_session=made-up' });
    expect(answer.status).toBe(401);
  });
});
