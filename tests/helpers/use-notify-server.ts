import { afterAll, beforeAll } from 'vitest';
import { startFakeNotify, type FakeNotify } from './fake-notify/index.js';
import { liveHandle } from './live-handle.js';
import { FAKE_TEMPLATES, freePort, notifyEnv } from './notify-env.js';
import type { StartOptions } from './server.js';
import { useServer, type FileServer } from './use-server.js';

/**
 * The test file's fake GOV.UK Notify, and its server sending through it with itself as
 * PUBLIC_URL, so the link in a message opens that server. The fake starts first and closes
 * last, so no message the server sends finds it gone.
 */
export function useServerWithNotify(options: StartOptions = {}): { server: FileServer; fake: FakeNotify } {
  let fake: FakeNotify | undefined;
  beforeAll(async () => {
    fake = await startFakeNotify({ templates: FAKE_TEMPLATES });
  });
  afterAll(async () => {
    await fake?.close();
    fake = undefined;
  });
  const notify = liveHandle('The fake Notify', () => fake);
  const server = useServer(async () => {
    const port = await freePort();
    return { ...options, port, env: { ...options.env, ...notifyEnv(notify, `http://127.0.0.1:${port}`) } };
  });
  return { server, fake: notify };
}
