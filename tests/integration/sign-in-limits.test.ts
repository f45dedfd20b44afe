import { describe, expect, it } from 'vitest';
import { LOCKOUT_MAX_FAILURES, WARD_CODE_MAX_TRIES } from '../../src/shared/index.js';
import { endWardSessions } from '../../src/server/store/sessions.js';
import { ApiClient } from '../helpers/api-client.js';
import { databaseSnapshot } from '../helpers/database-snapshot.js';
import { sendRaw } from '../helpers/raw-http.js';
import { useServer } from '../helpers/use-server.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

/**
 * Issue 12: the ward sign-in limits hold under parallel guesses, and lock out the guesser
 * rather than the ward. Tries come from chosen loopback addresses (127.x.y.z).
 */

let clock = new Date(TEST_MORNING);
const server = useServer(() => {
  clock = new Date(TEST_MORNING);
  return { now: () => clock };
}, { perTest: true });

function signInFrom(localAddress: string, pin: string, cookie?: string) {
  return sendRaw(server.url, {
    method: 'POST',
    path: '/api/session',
    body: JSON.stringify({ wardCode: server.demo.wardCode, pin }),
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    localAddress,
  });
}

/** The device cookie a successful sign-in gives a tablet. */
async function knownTablet(localAddress: string): Promise<string> {
  const answer = await sendRaw(server.url, {
    method: 'POST',
    path: '/api/session',
    body: JSON.stringify({ wardCode: server.demo.wardCode, pin: server.demo.pin }),
    headers: { 'content-type': 'application/json' },
    localAddress,
  });
  expect(answer.status).toBe(200);
  const device = answer.headers['set-cookie']?.find((cookie) => cookie.startsWith('wvv_device='));
  expect(device).toMatch(/^wvv_device=[A-Za-z0-9_-]{43}; Path=\/api\/session; Expires=.+; HttpOnly; SameSite=Strict$/);
  return device!.split(';')[0]!;
}

describe('a burst of parallel guesses from one address', () => {
  it(`checks at most ${LOCKOUT_MAX_FAILURES} PINs and gives no session, even with the right PIN 41st`, async () => {
    const pins = Array.from({ length: 200 }, (_, i) => (i === 40 ? server.demo.pin : String(100000 + i)));
    const answers = await Promise.all(pins.map((pin) => signInFrom('127.0.0.9', pin)));
    expect(answers.filter((answer) => answer.status === 200)).toEqual([]);
    expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(LOCKOUT_MAX_FAILURES);
    expect(answers[40]!.status).toBe(429);
    expect(answers.every((answer) => answer.status === 401 || answer.json.error.code === 'locked')).toBe(true);
  });
});

describe('a guesser', () => {
  // Hazard H12: tablets keep working, and nurses can sign in, when the server is down or attacked
  it('locks out their own address, while the nurses sign in from theirs', async () => {
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i++) await signInFrom('127.0.0.66', '999999');
    const guesserWithRightPin = await signInFrom('127.0.0.66', server.demo.pin);
    expect(guesserWithRightPin.status).toBe(429);
    expect(guesserWithRightPin.json.error.message).toMatch(/^This ward code is locked on this network because the PIN was wrong 5 times\. Try again after 09:15\.$/);
    expect((await new ApiClient(server.url).signIn(server.demo.wardCode, server.demo.pin)).status).toBe(200);
  });

  it(`with many addresses locks the code after ${WARD_CODE_MAX_TRIES} wrong PINs for new tablets only; the ward's own tablets still sign in`, async () => {
    const device = await knownTablet('127.0.0.2');
    for (let i = 0; i < WARD_CODE_MAX_TRIES; i++) expect((await signInFrom(`127.0.1.${i + 1}`, '999999')).status).toBe(401);
    const newTablet = await signInFrom('127.0.0.3', server.demo.pin);
    expect(newTablet.status).toBe(429);
    expect(newTablet.json.error.message).toBe(
      'Too many wrong PINs have been tried for this ward code. Tablets already used on this ward can still sign in. On this one, try again after 09:15.',
    );
    const ownTablet = await signInFrom('127.0.0.4', server.demo.pin, device);
    expect(ownTablet.status).toBe(200);
    // A stolen tablet's device cookie is no key: guessing from it is limited per address as ever.
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i++) await signInFrom('127.0.0.5', '999999', device);
    expect((await signInFrom('127.0.0.5', server.demo.pin, device)).status).toBe(429);
    // Once the window has passed, anyone with the PIN signs in again.
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await signInFrom('127.0.0.3', server.demo.pin)).status).toBe(200);
  });

  // Hazard H07: a lost tablet can be shut out and holds little
  it('gets no exemption from a device cookie once the ward is signed out from the command line or its PIN reset', async () => {
    const device = await knownTablet('127.0.0.2');
    const wardId = (await server.db.selectFrom('wards').select('id').where('code', '=', 'DEMO').executeTakeFirstOrThrow()).id;
    await endWardSessions(server.db, wardId, clock);
    for (let i = 0; i < WARD_CODE_MAX_TRIES; i++) await signInFrom(`127.0.1.${i + 1}`, '999999');
    expect((await signInFrom('127.0.0.4', server.demo.pin, device)).status).toBe(429);
  });

  it('stores nothing typed: a PIN typed into the ward code box is kept nowhere', async () => {
    await sendRaw(server.url, { method: 'POST', path: '/api/session', body: JSON.stringify({ wardCode: '271828', pin: '271828' }), headers: { 'content-type': 'application/json' } });
    await signInFrom('127.0.0.7', '314159');
    expect(JSON.stringify(await databaseSnapshot(server.db))).not.toMatch(/271828|314159/);
  });
});
