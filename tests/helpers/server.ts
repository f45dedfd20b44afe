import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import type { Db } from '../../src/server/store/database.js';
import { DEMO_WARD, seedDemoWard } from '../../src/server/store/seed-demo.js';
import { createWardWithHospital } from '../../src/server/store/wards.js';
import { startRedis, type TestRedis } from './redis.js';
import { chosenDatabase, openTestDatabase, type TestDatabaseKind } from './test-database.js';

const projectRoot = resolve(import.meta.dirname, '../..');

export interface TestServer {
  url: string;
  app: App;
  db: Db;
  dataDir: string;
  /** Which database it runs on (see test-database.ts). */
  database: TestDatabaseKind;
  demo: { wardCode: string; pin: string; wardName: string };
  /** Every structured log line the server wrote, for checks that no personal data leaks. */
  logLines: string[];
  addWard(code: string, pin: string, name?: string): Promise<string>;
  /** Stops the server; the data folder stays until `close` unless `keepData` is false. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** The server's clock, so tests can book "in the future" of a chosen day. */
  now?: () => Date;
  env?: Record<string, string>;
  /** Reuse a data folder, as a restarted server would. */
  dataDir?: string;
  /** Listen on this port (a restarted server keeps its address, so pages keep their origin). */
  port?: number;
  /** Serve the UI from this folder instead of dist/ui (a test may build a "new version" in a copy). */
  uiDir?: string;
  /** SQLite (the default) or PostgreSQL; by default TEST_DATABASE decides (test-database.ts). */
  database?: TestDatabaseKind;
}

/**
 * A real server on 127.0.0.1 port 0 with a fresh database (a SQLite file in its data folder, or
 * a PostgreSQL database named after the folder), serving the built UI from dist/ui.
 */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wvv-test-'));
  // The `integration-redis` project runs the relay's tests again with its live state in Redis:
  // each server its own, gone when it stops, as memory would be.
  const redis: TestRedis | null = process.env.TEST_RELAY === 'redis' && !options.env?.REDIS_URL ? await startRedis() : null;
  const env = { NODE_ENV: 'test', LOG_LEVEL: 'info', ...(redis ? { REDIS_URL: redis.url } : {}), ...options.env };
  const loaded = loadConfig(env, projectRoot);
  const database = chosenDatabase(options.database);
  const opened = await openTestDatabase(dataDir, database);
  const db = opened.db;
  const config = { ...loaded, dataDir, database: opened.config, port: options.port ?? 0, uiDir: options.uiDir ?? loaded.uiDir };
  const context: AppContext = { config, db, now: options.now ?? (() => new Date()) };
  await seedDemoWard(db, context.now());
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = await createApp(context, { logStream });
  const address = await app.http.listen({ port: config.port, host: '127.0.0.1' });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
    await redis?.stop();
  };
  return {
    url: address,
    app,
    db,
    dataDir,
    database,
    demo: { wardCode: DEMO_WARD.wardCode, pin: DEMO_WARD.pin, wardName: DEMO_WARD.wardName },
    logLines,
    addWard: (code, pin, name = `Ward ${code}`) =>
      createWardWithHospital(db, { trustName: 'Other trust', hospitalName: 'Other hospital', wardName: name, wardCode: code, pin }, context.now()),
    stop,
    async close() {
      await stop();
      if (options.dataDir) return;
      rmSync(dataDir, { recursive: true, force: true });
      await opened.drop();
    },
  };
}
