// What every benchmark starts from: the built server on a fresh SQLite file with the demo
// ward, and (for browser benchmarks) Debian's Chromium with a signed-in ward tablet. The
// browser's flags and the sign-in steps are the tests' own (tests/helpers/*.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, VIEWPORTS } from '../../tests/helpers/chromium.mjs';
import { signInWard } from '../../tests/helpers/ward-sign-in.mjs';

const root = resolve(import.meta.dirname, '../..');
const { createApp } = await import(join(root, 'dist/node/server/app.js'));
const { loadConfig } = await import(join(root, 'dist/node/server/config.js'));
const { openDatabase, sqliteDialect } = await import(join(root, 'dist/node/server/store/database.js'));
const { seedDemoWard, DEMO_WARD } = await import(join(root, 'dist/node/server/store/seed-demo.js'));

export { DEMO_WARD };

/**
 * The built server on 127.0.0.1. `stop` then `start` is a restart as in production: the same
 * port (so pages keep their origin) and the same data folder (sessions and visits survive).
 */
export async function startBenchServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wvv-bench-'));
  let app = null;
  let port = 0;
  let db = null;
  const start = async () => {
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }, root), dataDir, port };
    db = await openDatabase(sqliteDialect(dataDir));
    await seedDemoWard(db, new Date());
    app = await createApp({ config, db, now: () => new Date() });
    const url = await app.http.listen({ port, host: '127.0.0.1' });
    port = Number(new URL(url).port);
    return url;
  };
  const stop = async () => {
    await app?.close();
    app = null;
  };
  const url = await start();
  return {
    url,
    /** The database of the running server (a restart opens it again). */
    get db() {
      return db;
    },
    start,
    /** Stops the server (as a test of "the server is gone" would) and keeps the data folder. */
    stop,
    /** Sockets in the call relay's namespace, 0 while stopped. */
    callSockets: () => app?.relay.of('/call').sockets.size ?? 0,
    async close() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium with one tablet-sized context on the server, signed in to the demo ward. */
export async function signedInTablet(url) {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: VIEWPORTS.tablet, baseURL: url });
  const page = await context.newPage();
  await signInWard(page, DEMO_WARD);
  return { browser, context, page };
}
