import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { liveHandle } from './live-handle.js';
import { startServer, type StartOptions, type TestServer } from './server.js';

/** The file's server, and what only the file's server can do. */
export interface FileServer extends TestServer {
  /**
   * A restart as in production: the server (stopped already, or stopped now) is replaced by a
   * new one on the same port and data folder, so pages keep their origin and sessions and
   * visits survive. The handle then reads the new one.
   */
  restart(): Promise<void>;
}

/**
 * The test file's server: started before its first test and closed after its last, or around
 * every test with `perTest` (a fresh database each). Call it at the top of the file, before
 * other hooks: hooks run in the order they were registered and close in reverse, so the
 * server is up before anything that needs it and goes last. `options` may be a function, read
 * at each start (for options that need something a hook made first, such as a free port).
 */
export function useServer(options: StartOptions | (() => StartOptions | Promise<StartOptions>) = {}, { perTest = false } = {}): FileServer {
  let server: TestServer | undefined;
  /** Servers a restart replaced: the first owns the data folder, so it is closed last. */
  let replaced: TestServer[] = [];
  let started: StartOptions = {};
  const start = async () => {
    started = typeof options === 'function' ? await options() : options;
    server = await startServer(started);
  };
  const close = async () => {
    for (const each of [server, ...replaced.reverse()]) await each?.close();
    server = undefined;
    replaced = [];
  };
  const restart = async () => {
    if (!server) throw new Error('The test server is not started yet: there is nothing to restart');
    const old = server;
    await old.stop();
    replaced.push(old);
    server = await startServer({ ...started, dataDir: old.dataDir, port: Number(new URL(old.url).port) });
  };
  (perTest ? beforeEach : beforeAll)(start);
  (perTest ? afterEach : afterAll)(close);
  return liveHandle('The test server', () => server, { restart });
}
