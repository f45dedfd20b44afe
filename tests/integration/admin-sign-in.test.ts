import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_IDLE_MINUTES, ADMIN_SESSION_MAX_HOURS } from '../../src/shared/index.js';
import { ADMIN_FREE_FAILURES } from '../../src/server/store/admin-sign-in-failures.js';
import { ADMIN_PASSWORD, setUpAdmin, setupToken, totpCode } from '../helpers/admin.js';
import { ApiClient, signedInDemoWard } from '../helpers/api-client.js';
import { runCli } from '../helpers/command-line.js';
import { databaseSnapshot } from '../helpers/database-snapshot.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

const MINUTE_MS = 60_000;
let clock = new Date(TEST_MORNING);
const now = () => clock;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
let server: TestServer;

afterEach(async () => {
  await server?.close();
  clock = new Date(TEST_MORNING);
});

const signIn = (client: ApiClient, email: string, password: string) => client.request('POST', '/api/admin/session', { email, password });
const secondFactor = (client: ApiClient, code: string) => client.request('POST', '/api/admin/session/second-factor', { code });

describe('the first admin, from the command line', () => {
  it('gets a one-time set-up link, and no password is ever printed or stored in clear', async () => {
    server = await startServer({ now });
    await server.stop();
    const made = await runCli(server.dataDir, 'create-admin', '--email', 'First.Admin@Trust.example');
    expect(made.code).toBe(0);
    expect(made.output).toContain('Created the admin first.admin@trust.example');
    const link = made.output.match(/(http\S+\/admin\/setup#token=\S+)/)?.[1];
    expect(link).toBeDefined();
    const token = setupToken(link!);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(made.output).not.toMatch(/password:/i);

    server = await startServer({ now, dataDir: server.dataDir });
    const rows = JSON.stringify(await databaseSnapshot(server.db));
    expect(rows).not.toContain(token);
    const client = new ApiClient(server.url);
    const weak = await client.request('POST', '/api/admin/setup', { token, password: 'Password2024!' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'weak_password', message: expect.stringMatching(/^Your password .+\.$/) });
    const short = await client.request('POST', '/api/admin/setup', { token, password: 'short words' });
    expect(short.body.error.message).toBe('Your password must be at least 12 characters.');
    const set = await client.request('POST', '/api/admin/setup', { token, password: ADMIN_PASSWORD });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ email: 'first.admin@trust.example' });
    const again = await client.request('POST', '/api/admin/setup', { token, password: 'another long pass phrase' });
    expect(again.status).toBe(410);
    expect(again.body.error.message).toMatch(/expired or has already been used/);
    const usage = await runCli(server.dataDir, 'create-admin');
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('npm run create-admin -- --email');
  });

  it('lasts 24 hours, and a new link replaces the one before', async () => {
    server = await startServer({ now });
    const first = await runCli(server.dataDir, 'create-admin', '--email', 'it@trust.example');
    const second = await runCli(server.dataDir, 'create-admin', '--email', 'it@trust.example');
    expect(second.output).toContain('Made a new set-up link for it@trust.example');
    const tokenOf = (output: string) => setupToken(output.match(/(http\S+#token=\S+)/)![1]!);
    const client = new ApiClient(server.url);
    expect((await client.request('POST', '/api/admin/setup', { token: tokenOf(first.output), password: ADMIN_PASSWORD })).status).toBe(410);
    // The command line ran on the real clock: move the server's to a day past it.
    clock = new Date(Date.now() + 24 * 60 * MINUTE_MS + 1000);
    expect((await client.request('POST', '/api/admin/setup', { token: tokenOf(second.output), password: ADMIN_PASSWORD })).status).toBe(410);
  });
});

describe('signing in', () => {
  // Hazard H18: admins never see personal data
  it('needs the password and then an authenticator code; sets up the app at the first sign-in with 10 recovery codes', async () => {
    server = await startServer({ now });
    const admin = await setUpAdmin(server, 'admin@trust.example', now);
    expect(admin.recoveryCodes).toHaveLength(10);
    expect(new Set(admin.recoveryCodes).size).toBe(10);
    expect(JSON.stringify(await databaseSnapshot(server.db))).not.toContain(admin.recoveryCodes[0]!.replace('-', ''));
    expect((await admin.client.request('GET', '/api/admin/session')).body.admin.email).toBe('admin@trust.example');

    const other = new ApiClient(server.url);
    expect((await signIn(other, admin.email, admin.password)).body).toEqual({ step: 'second-factor' });
    // Half-way through, nothing of the admin area opens.
    expect((await other.request('GET', '/api/admin/hospitals')).status).toBe(401);
    // The code the first sign-in used cannot be used again (seen over a shoulder).
    expect((await secondFactor(other, totpCode(admin.secret, clock))).status).toBe(401);
    advance(30_000);
    const pending = other.cookieHeader;
    const signed = await secondFactor(other, totpCode(admin.secret, clock));
    expect(signed.body.step).toBe('signed-in');
    expect(signed.body.recoveryCodes).toBeUndefined();
    // A new token once the second factor is given: the cookie from before it is worth nothing.
    expect(other.cookieHeader).not.toBe(pending);
    expect((await new ApiClient(server.url).request('GET', '/api/admin/session', undefined, { cookie: pending })).status).toBe(401);
    expect((await other.request('GET', '/api/admin/session')).status).toBe(200);
  });

  it('takes a recovery code once, in place of the app', async () => {
    server = await startServer({ now });
    const admin = await setUpAdmin(server, 'admin@trust.example', now);
    const code = admin.recoveryCodes[3]!;
    const phone = new ApiClient(server.url);
    await signIn(phone, admin.email, admin.password);
    expect((await secondFactor(phone, code.toLowerCase())).body.step).toBe('signed-in');
    const again = new ApiClient(server.url);
    await signIn(again, admin.email, admin.password);
    expect((await secondFactor(again, code)).status).toBe(401);
  });

  it('answers an unknown email exactly as a wrong password', async () => {
    server = await startServer({ now });
    const admin = await setUpAdmin(server, 'admin@trust.example', now);
    const wrong = await signIn(new ApiClient(server.url), admin.email, 'not the password at all');
    const unknown = await signIn(new ApiClient(server.url), 'nobody@trust.example', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.message).toBe('The email address or password is not right. Check them and try again.');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it(`locks an account after ${ADMIN_FREE_FAILURES} wrong tries, with a growing wait, even for the right password`, async () => {
    server = await startServer({ now });
    const admin = await setUpAdmin(server, 'admin@trust.example', now);
    for (let i = 0; i < ADMIN_FREE_FAILURES; i++) await signIn(new ApiClient(server.url), admin.email, `wrong password ${i}`);
    const locked = await signIn(new ApiClient(server.url), admin.email, admin.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/^This account is locked after too many wrong tries\. Try again after \d\d:\d\d\.$/);
    advance(MINUTE_MS + 1000);
    await signIn(new ApiClient(server.url), admin.email, 'wrong once more');
    advance(MINUTE_MS + 1000);
    // The second lock is longer than the first.
    expect((await signIn(new ApiClient(server.url), admin.email, admin.password)).status).toBe(429);
    advance(MINUTE_MS + 1000);
    expect((await signIn(new ApiClient(server.url), admin.email, admin.password)).body).toEqual({ step: 'second-factor' });
  });

  it('checks no more than the free tries in a parallel burst, and gives no session', async () => {
    server = await startServer({ now });
    const admin = await setUpAdmin(server, 'admin@trust.example', now);
    const burst = Array.from({ length: 60 }, (_, i) => (i === 20 ? admin.password : `wrong guess number ${i}`));
    const answers = await Promise.all(burst.map((password) => signIn(new ApiClient(server.url), admin.email, password)));
    const checked = answers.filter((answer) => answer.status !== 429);
    expect(checked.length).toBeLessThanOrEqual(ADMIN_FREE_FAILURES);
    expect(answers[20]!.status).toBe(429);
    expect(answers.filter((answer) => answer.status === 200)).toEqual([]);
  });
});

describe('an admin session', () => {
  it('ends after 15 minutes idle, and after 8 hours whatever happens', async () => {
    server = await startServer({ now });
    const { client } = await setUpAdmin(server, 'admin@trust.example', now);
    advance((ADMIN_IDLE_MINUTES - 1) * MINUTE_MS);
    expect((await client.request('GET', '/api/admin/session')).status).toBe(200);
    advance((ADMIN_IDLE_MINUTES - 1) * MINUTE_MS);
    expect((await client.request('GET', '/api/admin/session')).status).toBe(200);
    advance(ADMIN_IDLE_MINUTES * MINUTE_MS + 1000);
    const idle = await client.request('GET', '/api/admin/session');
    expect(idle.status).toBe(401);
    expect(idle.body.error.message).toBe('Sign in to the admin area to continue.');

    clock = new Date(clock.getTime() + 60_000);
    const busy = await setUpAdmin(server, 'busy@trust.example', now);
    for (let minutes = 0; minutes < ADMIN_SESSION_MAX_HOURS * 60 - 10; minutes += 10) {
      advance(10 * MINUTE_MS);
      expect((await busy.client.request('GET', '/api/admin/hospitals')).status).toBe(200);
    }
    advance(11 * MINUTE_MS);
    expect((await busy.client.request('GET', '/api/admin/hospitals')).status).toBe(401);
  });

  it('ends on the server at sign-out, and a password change ends the other sessions', async () => {
    server = await startServer({ now });
    const admin = await setUpAdmin(server, 'admin@trust.example', now);
    const laptop = new ApiClient(server.url);
    await signIn(laptop, admin.email, admin.password);
    advance(30_000);
    await secondFactor(laptop, totpCode(admin.secret, clock));
    expect((await laptop.request('GET', '/api/admin/session')).status).toBe(200);

    const change = await admin.client.request('POST', '/api/admin/password', { currentPassword: admin.password, newPassword: 'a whole new pass phrase' });
    expect(change.status).toBe(204);
    expect((await laptop.request('GET', '/api/admin/session')).status).toBe(401);
    expect((await admin.client.request('GET', '/api/admin/session')).status).toBe(200);
    expect((await signIn(new ApiClient(server.url), admin.email, admin.password)).status).toBe(401);

    const cookie = admin.client.cookieHeader;
    expect((await admin.client.request('DELETE', '/api/admin/session')).status).toBe(204);
    // The old cookie, kept by someone, is dead on the server.
    expect((await new ApiClient(server.url).request('GET', '/api/admin/session', undefined, { cookie })).status).toBe(401);
  });

  it('is an HttpOnly, SameSite=Strict cookie, Secure behind HTTPS', async () => {
    server = await startServer({ now, env: { NODE_ENV: 'production', JOIN_LINK_SECRET: 'a'.repeat(40), TRUST_PROXY: '1' } });
    const admin = await setUpAdmin(server, 'admin@trust.example', now);
    const answer = await new ApiClient(server.url).request('POST', '/api/admin/session', { email: admin.email, password: admin.password }, { 'x-forwarded-proto': 'https' });
    expect(answer.headers.get('set-cookie')).toMatch(/^wvv_admin=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
  });

  // Hazard H18: admins never see personal data
  it('reaches no ward route, and no ward or visitor session reaches an admin route', async () => {
    server = await startServer({ now });
    const { client } = await setUpAdmin(server, 'admin@trust.example', now);
    expect((await client.request('GET', '/api/visits')).status).toBe(401);
    expect((await client.request('GET', '/api/session')).status).toBe(401);
    const tablet = await signedInDemoWard(server);
    for (const route of server.app.routes.filter((r) => r.access === 'admin')) {
      expect((await tablet.request(route.method, route.url.replace(':id', crypto.randomUUID()), ['POST', 'PATCH'].includes(route.method) ? {} : undefined)).status, route.url).toBe(401);
    }
  });
});
