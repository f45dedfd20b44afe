import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { openTablet } from '../helpers/tablet.js';

/** A lost tablet: IT revokes its ward's sessions from the command line, as docs/security.md says. */

const CLI = resolve(import.meta.dirname, '../../dist/node/server/cli.js');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function revoke(wardCode: string): Promise<number | null> {
  const child = spawn(process.execPath, [CLI, 'revoke-sessions', wardCode], { env: { PATH: process.env.PATH ?? '', DATA_DIR: server.dataDir }, stdio: 'ignore' });
  return new Promise((done) => child.on('exit', done));
}

it('asks a revoked tablet for the ward PIN within seconds, untouched, and its old cookie opens nothing', async () => {
  const lost = await openTablet(browser, server);
  const cookie = (await lost.context.cookies()).find((c) => c.name === 'wvv_session')!;
  expect(await revoke(server.demo.wardCode)).toBe(0);

  // No tap on the lost tablet: its live-update socket is closed and refused, and it says so.
  await lost.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  expect(new URL(lost.page.url()).pathname).toBe('/sign-in');
  const answer = await fetch(`${server.url}/api/visits`, { headers: { cookie: `wvv_session=${cookie.value}` } });
  expect(answer.status).toBe(401);

  // The ward PIN signs the tablet in again.
  await lost.page.getByLabel('Ward code').fill(server.demo.wardCode);
  await lost.page.getByLabel('PIN').fill(server.demo.pin);
  await lost.page.getByRole('button', { name: 'Sign in' }).click();
  await lost.page.getByRole('heading', { level: 1, name: server.demo.wardName }).waitFor();
});
