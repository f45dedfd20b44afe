import { expect, it } from 'vitest';
import { startServer } from '../helpers/server.js';
import { useServer } from '../helpers/use-server.js';

/** What a trust's load balancer and monitoring ask every few seconds. */

const server = useServer();

it('says the process is alive and ready, with no credential, no data and no caching', async () => {
  for (const [path, status] of [
    ['/healthz', 'alive'],
    ['/readyz', 'ready'],
  ]) {
    const answer = await fetch(`${server.url}${path}`);
    expect(answer.status, path).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toEqual({ status });
  }
});

it('changes nothing and logs nothing at info, however often it is asked', async () => {
  const before = server.logLines.length;
  await Promise.all(Array.from({ length: 20 }, () => fetch(`${server.url}/readyz`)));
  expect(server.logLines.length).toBe(before);
  expect((await fetch(`${server.url}/readyz`, { method: 'POST' })).status).toBe(404);
});

it('is not ready once the database cannot be reached', async () => {
  const other = await startServer();
  await other.db.destroy();
  const answer = await fetch(`${other.url}/readyz`);
  expect(answer.status).toBe(503);
  expect(await answer.json()).toEqual({ status: 'unavailable', message: 'The database cannot be reached.' });
  expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
  await other.close();
});
