import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { liveHandle } from './live-handle.js';
import { startServer, type StartOptions, type TestServer } from './server.js';

/**
 * The test file's server: started before its first test and closed after its last, or around
 * every test with `perTest` (a fresh database each). Call it at the top of the file, before
 * other hooks: hooks run in the order they were registered and close in reverse, so the
 * server is up before anything that needs it and goes last. `options` may be a function, read
 * at each start (for a clock a beforeEach resets).
 */
export function useServer(options: StartOptions | (() => StartOptions) = {}, { perTest = false } = {}): TestServer {
  let server: TestServer | undefined;
  const start = async () => {
    server = await startServer(typeof options === 'function' ? options() : options);
  };
  const close = async () => {
    await server?.close();
    server = undefined;
  };
  (perTest ? beforeEach : beforeAll)(start);
  (perTest ? afterEach : afterAll)(close);
  return liveHandle('The test server', () => server);
}
