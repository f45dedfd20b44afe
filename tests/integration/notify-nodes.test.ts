import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type VisitMessages } from '../../src/shared/index.js';
import { DEMO_WARD } from '../../src/server/store/seed-demo.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { startFakeNotify, type FakeNotify } from '../helpers/fake-notify/index.js';
import { FAKE_TEMPLATES, freePort, notifyEnv } from '../helpers/notify-env.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { prepareProcessDatabase } from '../helpers/test-database.js';
import { killed, runServerProcess } from '../helpers/server-process.js';
import { hospitalTomorrow } from '../helpers/hospital-time.js';

/**
 * Exactly once where it is hardest: a server killed after Notify took a message but before it
 * recorded so, and two nodes sending from one database at once.
 */

const cleanUps: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
const sendRequests = (fake: FakeNotify) => fake.requests().filter((r) => r.method === 'POST');

/** Tomorrow at 14:30 on the hospital's clock: bookable whenever the test runs. */
function tomorrow(): { date: string; time: string } {
  return { date: hospitalTomorrow(), time: '14:30' };
}

async function fakeNotify(): Promise<FakeNotify> {
  const fake = await startFakeNotify({ templates: FAKE_TEMPLATES });
  cleanUps.push(() => fake.close());
  return fake;
}

/** The compiled server as a trust runs it, on a fixed port and data folder, so it can be killed and started again. */
const runServer = (env: Record<string, string>) => runServerProcess(env, (step) => cleanUps.push(step));

// Hazard H09: the family is told the visit is starting, exactly once
it('a server killed after Notify took a message, before it recorded so, does not send it again when it starts', async () => {
  const fake = await fakeNotify();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'wvv-notify-crash-'));
  cleanUps.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const database = await prepareProcessDatabase(dataDir);
  cleanUps.push(() => database.drop());
  const env = { ...notifyEnv(fake, `http://127.0.0.1:${port}`), PORT: String(port), ...database.env, NODE_NAME: 'node-a' };
  const first = await runServer(env);
  const tablet = new ApiClient(`http://127.0.0.1:${port}`);
  expect((await tablet.signIn(DEMO_WARD.wardCode, DEMO_WARD.pin)).status).toBe(200);
  // Notify takes the text, and its answer never comes back before the server dies.
  fake.acceptThenHang(1);
  const visit = (await tablet.send(book({ ...tomorrow(), visitorEmail: null }))).body.visits[0]!;
  await eventually(() => fake.sent().length).toBe(1);
  await killed(first);

  await runServer(env);
  expect((await tablet.signIn(DEMO_WARD.wardCode, DEMO_WARD.pin)).status).toBe(200);
  await eventually(async () => (await tablet.request<VisitMessages>('GET', `/api/visits/${visit.id}/messages`)).body.contacts[0]?.state).toBe('sent');
  expect(fake.sent()).toHaveLength(1);
  expect(sendRequests(fake)).toHaveLength(1);
  expect(fake.requests().some((r) => r.query.includes(`reference=${fake.sent()[0]!.reference}`))).toBe(true);
});

// Hazard H09: the family is told the visit is starting, exactly once
it('two nodes on one database send each message once', async () => {
  const fake = await fakeNotify();
  const port = await freePort();
  const env = notifyEnv(fake, `http://127.0.0.1:${port}`);
  const first = await startServer({ port, env: { ...env, NODE_NAME: 'node-a' } });
  cleanUps.push(() => first.close());
  const second: TestServer = await startServer({ dataDir: first.dataDir, env: { ...env, NODE_NAME: 'node-b' } });
  cleanUps.push(() => second.stop());
  const tablets = await Promise.all(
    [first, second].map(async (node) => {
      const tablet = new ApiClient(node.url);
      expect((await tablet.signIn(node.demo.wardCode, node.demo.pin)).status).toBe(200);
      return tablet;
    }),
  );
  const visits = 20;
  for (let n = 0; n < visits; n++) {
    const answer = await tablets[n % 2]!.send(book({ ...tomorrow(), visitorMobile: `07700 9002${String(n).padStart(2, '0')}`, visitorEmail: `visitor${n}@example.com` }));
    expect(answer.status).toBe(200);
  }
  await eventually(() => fake.sent().length).toBe(visits * 2);
  // Both nodes' jobs keep looking: time for any second send to have happened.
  await new Promise((settled) => setTimeout(settled, 4_500));
  const references = fake.sent().map((n) => n.reference);
  expect(references).toHaveLength(visits * 2);
  expect(new Set(references).size).toBe(visits * 2);
  expect(sendRequests(fake)).toHaveLength(visits * 2);
  const rows = await first.db.selectFrom('messages').select(['state', 'lease_owner']).execute();
  expect(rows.every((row) => row.state === 'sent' && row.lease_owner === null)).toBe(true);
});

// Hazard H09: the family is told the visit is starting, exactly once
it('a rolling restart of both nodes while they drain the outbox sends each message once', async () => {
  const fake = await fakeNotify();
  const [portA, portB] = [await freePort(), await freePort()];
  const env = notifyEnv(fake, `http://127.0.0.1:${portA}`);
  const first = await startServer({ port: portA, env: { ...env, NODE_NAME: 'node-a' } });
  cleanUps.push(() => first.close());
  const node = (port: number, name: string) => startServer({ port, dataDir: first.dataDir, env: { ...env, NODE_NAME: name } });
  const second = await node(portB, 'node-b');
  cleanUps.push(() => second.stop());
  const tablets = [new ApiClient(first.url), new ApiClient(second.url)];
  for (const tablet of tablets) expect((await tablet.signIn(first.demo.wardCode, first.demo.pin)).status).toBe(200);
  const visits = 20;
  // Notify's own trouble keeps the drain going for seconds: these go again after the backoff, on whichever node is up.
  const failing = 10;
  fake.failNext(failing, { status: 500 });
  for (let n = 0; n < visits; n++) {
    expect((await tablets[n % 2]!.send(book({ ...tomorrow(), visitorMobile: `07700 9003${String(n).padStart(2, '0')}`, visitorEmail: `roll${n}@example.com` }))).status).toBe(200);
  }
  // One node at a time, each back on its address before the next goes, while the sends are under way.
  await first.stop();
  const firstAgain = await node(portA, 'node-a');
  cleanUps.push(() => firstAgain.stop());
  await second.stop();
  const secondAgain = await node(portB, 'node-b');
  cleanUps.push(() => secondAgain.stop());
  await eventually(() => fake.sent().length).toBe(visits * 2);
  await new Promise((settled) => setTimeout(settled, 4_500));
  expect(new Set(fake.sent().map((n) => n.reference)).size).toBe(visits * 2);
  expect(sendRequests(fake)).toHaveLength(visits * 2 + failing);
  // Every family's number and address got its one confirmation: none lost, none twice.
  expect(new Set(fake.sent().map((n) => n.to)).size).toBe(visits * 2);
});
