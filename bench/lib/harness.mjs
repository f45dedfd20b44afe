// What every benchmark starts from: the built server on a fresh SQLite file with the demo
// ward, and (for browser benchmarks) Debian's Chromium with a signed-in ward tablet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const { createApp } = await import(join(root, 'dist/node/server/app.js'));
const { loadConfig } = await import(join(root, 'dist/node/server/config.js'));
const { openDatabase, sqliteDialect } = await import(join(root, 'dist/node/server/store/database.js'));
const { seedDemoWard, DEMO_WARD } = await import(join(root, 'dist/node/server/store/seed-demo.js'));

export { DEMO_WARD };

export async function startBenchServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wvv-bench-'));
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }, root), dataDir, port: 0 };
  const db = await openDatabase(sqliteDialect(dataDir));
  await seedDemoWard(db, new Date());
  const app = await createApp({ config, db, now: () => new Date() });
  const url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  let closed = false;
  return {
    url,
    db,
    /** Stops the server (as a test of "the server is gone" would) and keeps the data folder. */
    async stop() {
      if (!closed) await app.close();
      closed = true;
    },
    async close() {
      await this.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium with one tablet-sized context on the server, signed in to the demo ward. */
export async function signedInTablet(url) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, baseURL: url });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Ward code').fill(DEMO_WARD.wardCode);
  await page.getByLabel('PIN').fill(DEMO_WARD.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: DEMO_WARD.wardName }).waitFor();
  return { browser, context, page };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
