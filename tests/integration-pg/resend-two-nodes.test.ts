import { afterEach, beforeEach, expect, it } from 'vitest';
import { recordCallStep } from '../../src/server/store/visits.js';
import type { VisitMessages } from '../../src/shared/index.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { startFakeNotify, type FakeNotify } from '../helpers/fake-notify/index.js';
import { FAKE_TEMPLATES, freePort, notifyEnv } from '../helpers/notify-env.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

/**
 * "Send the link again" tapped once but arriving on two nodes at once, several times (a double
 * tap, a retry after a lost answer, split by the load balancer): one message, and every copy
 * answered as the replay it is, never a 500. PostgreSQL runs the copies side by side; the
 * visit's row lock and the unique index on (visit, resend key, channel) keep it to one.
 */

let clock: Date;
let fake: FakeNotify;
let nodes: [TestServer, TestServer];
let tablets: [ApiClient, ApiClient];

beforeEach(async () => {
  clock = new Date(TEST_MORNING);
  fake = await startFakeNotify({ templates: FAKE_TEMPLATES });
  const port = await freePort();
  const env = notifyEnv(fake, `http://127.0.0.1:${port}`);
  const first = await startServer({ database: 'postgres', port, now: () => clock, env: { ...env, NODE_NAME: 'node-a' } });
  const second = await startServer({ database: 'postgres', dataDir: first.dataDir, now: () => clock, env: { ...env, NODE_NAME: 'node-b' } });
  nodes = [first, second];
  tablets = [new ApiClient(first.url), new ApiClient(second.url)];
  for (const tablet of tablets) expect((await tablet.signIn(first.demo.wardCode, first.demo.pin)).status).toBe(200);
});
afterEach(async () => {
  await nodes[1].stop();
  await nodes[0].close();
  await fake.close();
});

it('sends the link again once when one tap reaches both nodes several times at once', async () => {
  const visit = (await tablets[0].send(book({ date: '2026-11-21', time: '14:30' }))).body.visits[0]!;
  const { ward_id: wardId } = await nodes[0].db.selectFrom('visits').select('ward_id').where('id', '=', visit.id).executeTakeFirstOrThrow();
  clock = new Date('2026-11-21T14:20:00Z');
  expect((await recordCallStep(nodes[0].db, wardId, visit.id, 'start', clock))?.changed).toBe(true);
  // A day on: yesterday's shift sessions are over.
  for (const tablet of tablets) expect((await tablet.signIn(nodes[0].demo.wardCode, nodes[0].demo.pin)).status).toBe(200);

  const key = crypto.randomUUID();
  const copies = await Promise.all(
    Array.from({ length: 8 }, (_, n) => tablets[n % 2]!.request<VisitMessages>('POST', `/api/visits/${visit.id}/messages/resend`, { key })),
  );
  expect(copies.map((copy) => copy.status)).toEqual(copies.map(() => 200));
  expect(copies.map((copy) => copy.body.resendsLeft)).toEqual(copies.map(() => 2));
  const rows = await nodes[1].db.selectFrom('messages').select(['channel', 'kind']).where('visit_id', '=', visit.id).where('resend_key', '=', key).execute();
  expect(rows).toEqual([{ channel: 'sms', kind: 'ready' }]);
});
