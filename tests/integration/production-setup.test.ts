import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ADMIN_PASSWORD, setupToken, totpCode } from '../helpers/admin.js';
import { ApiClient } from '../helpers/api-client.js';
import { runCliWith } from '../helpers/command-line.js';

/**
 * The README's production set-up, step by step, exactly as a trust's IT team runs it: the
 * compiled server with NODE_ENV=production, the command line beside it, then the admin API
 * as the admin area's pages call it. No file is edited and nothing is seeded.
 */

const MAIN = resolve(import.meta.dirname, '../../dist/node/server/main.js');
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function startProduction(dataDir: string): Promise<{ url: string; output: () => string }> {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  stops.push(() => child.kill('SIGTERM'));
  for (let i = 0; i < 200; i++) {
    const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
    if (url) return { url, output: () => output };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start: ${output}`);
}

it('goes from an empty data folder to a tablet signed in to a real ward, in production mode', async () => {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'wvv-production-'));
  stops.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const { url, output } = await startProduction(dataDir);
  expect(output()).not.toContain('Demo ward');
  expect(output()).toContain('npm run create-admin -- --email');
  expect((await new ApiClient(url).signIn('DEMO', '123456')).status).toBe(401);

  // 1. The first admin, from the command line beside the server.
  const made = await runCliWith({ DATA_DIR: dataDir, NODE_ENV: 'production', PUBLIC_URL: url }, 'create-admin', '--email', 'it@trust.example');
  expect(made.code).toBe(0);
  const link = made.output.match(/(http\S+\/admin\/setup#token=\S+)/)![1]!;
  expect(link.startsWith(`${url}/admin/setup#token=`)).toBe(true);
  expect((await fetch(link.split('#')[0]!)).headers.get('content-type')).toMatch(/^text\/html/);

  // 2. The link's page: a password; then the first sign-in sets up the authenticator app.
  const admin = new ApiClient(url);
  expect((await admin.request('POST', '/api/admin/setup', { token: setupToken(link), password: ADMIN_PASSWORD })).status).toBe(200);
  const first = await admin.request('POST', '/api/admin/session', { email: 'it@trust.example', password: ADMIN_PASSWORD });
  const signedIn = await admin.request('POST', '/api/admin/session/second-factor', { code: totpCode(first.body.secret) });
  expect(signedIn.body.step).toBe('signed-in');

  // 3. A hospital and a ward, with a PIN the server makes up.
  const hospital = (await admin.request('POST', '/api/admin/hospitals', { name: 'Royal Infirmary' })).body;
  const ward = (await admin.request('POST', '/api/admin/wards', { hospitalId: hospital.id, name: 'Ward 7', code: 'W7' })).body;

  // 4. A tablet signs in to it.
  const tablet = new ApiClient(url);
  const session = await tablet.signIn('w7', ward.generatedPin);
  expect(session.status).toBe(200);
  expect(session.body).toMatchObject({ ward: { name: 'Ward 7', code: 'W7' }, hospital: { name: 'Royal Infirmary' } });
  // Printed, not asserted: how long the whole set-up takes here (start-up, the command, the API).
  console.info(`Production set-up, empty folder to a signed-in tablet: ${Date.now() - started} ms`);
});
