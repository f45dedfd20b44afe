import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { startServer } from '../helpers/server.js';

/**
 * A rolling update stops the server: a client that never finishes its request (a phone that
 * lost signal mid-upload, a slow-loris) must not keep it running. Node alone would wait for
 * its header timeout, a minute.
 */
// Hazard H12: tablets keep working, and nurses can sign in, when the server is down or attacked
it('stops within seconds although a client never finishes sending its request', async () => {
  const server = await startServer();
  const { port } = new URL(server.url);
  const stuck = connect(Number(port), '127.0.0.1');
  await new Promise((resolve) => stuck.once('connect', resolve));
  stuck.write('POST /api/commands HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');
  stuck.on('error', () => {});
  const gone = new Promise((resolve) => stuck.once('close', resolve));

  const stopped = server.close().then(() => 'stopped');
  const waited = new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000).unref());
  expect(await Promise.race([stopped, waited])).toBe('stopped');
  await gone;
}, 30_000);
