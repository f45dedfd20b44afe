import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { markMissed } from '../../src/server/jobs/missed-visits.js';
import { runRetention } from '../../src/server/jobs/retention.js';
import { sweepSessions } from '../../src/server/jobs/session-sweep.js';
import { issueSetupLink } from '../../src/server/admin/setup-links.js';
import { sha256 } from '../../src/server/security/tokens.js';
import { createWardEvents } from '../../src/server/ward-events.js';
import type { Command, Visit } from '../../src/shared/index.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

/**
 * Two app instances on one PostgreSQL database, each with its own connection pool, as two
 * nodes behind a load balancer: every job run on both at once does each thing once, and
 * concurrent replays of one command on both answer the same. (The message outbox's two-node
 * test is tests/integration/notify-nodes.test.ts, which integration-pg runs on PostgreSQL too.)
 */

let clock: Date;
let nodes: [TestServer, TestServer];
let tablets: [ApiClient, ApiClient];

beforeEach(async () => {
  clock = new Date(TEST_MORNING);
  const first = await startServer({ database: 'postgres', now: () => clock });
  const second = await startServer({ database: 'postgres', dataDir: first.dataDir, now: () => clock });
  nodes = [first, second];
  tablets = [new ApiClient(first.url), new ApiClient(second.url)];
  for (const tablet of tablets) expect((await tablet.signIn(first.demo.wardCode, first.demo.pin)).status).toBe(200);
});
afterEach(async () => {
  await nodes[1].stop();
  await nodes[0].close(); // drops the database the two shared
});

const contextOf = (node: TestServer): AppContext => ({ config: loadConfig({ NODE_ENV: 'test' }, process.cwd()), db: node.db, now: () => clock });

/** Books visits at 10:00 for 30 minutes on the 20th, alternating nodes. */
async function bookVisits(count: number): Promise<Visit[]> {
  const visits: Visit[] = [];
  for (let n = 0; n < count; n++) {
    const answer = await tablets[n % 2]!.send(book({ patientName: `Patient ${n}`, visitorName: `Visitor ${n}`, date: '2026-11-20', time: '10:00', lengthMinutes: 30 }));
    expect(answer.status).toBe(200);
    visits.push(answer.body.visits[0]!);
  }
  return visits;
}

it('runs on PostgreSQL, both nodes on one database', async () => {
  expect(nodes.map((node) => node.database)).toEqual(['postgres', 'postgres']);
  const [visit] = await bookVisits(1);
  expect((await tablets[1].list()).body.visits.map((v) => v.id)).toEqual([visit!.id]);
});

it('retention on both nodes at once clears each visit once', async () => {
  const visits = await bookVisits(8);
  clock = new Date('2026-11-22T12:00:00Z');
  const runs = await Promise.all([...nodes, ...nodes].map((node) => runRetention(contextOf(node))));
  expect(runs.reduce((sum, run) => sum + run.visitsCleared, 0)).toBe(visits.length);
  const left = await nodes[0].db.selectFrom('visits').select(['patient_name', 'visitor_name']).execute();
  expect(left).toEqual(visits.map(() => ({ patient_name: null, visitor_name: null })));
});

it('the missed-visits job on both nodes at once marks each visit once and tells its ward once', async () => {
  const otherWard = await nodes[0].addWard('WARD2', '654321');
  const otherTablet = new ApiClient(nodes[1].url);
  await otherTablet.signIn('WARD2', '654321');
  const visits = await bookVisits(6);
  const other = (await otherTablet.send(book({ patientName: 'Elsewhere', date: '2026-11-20', time: '10:00', lengthMinutes: 30 }))).body.visits[0]!;
  clock = new Date('2026-11-20T11:00:00Z');
  const told: { wardId: string; visit: Visit }[] = [];
  const run = (node: TestServer) => {
    const events = createWardEvents();
    events.onVisitsChanged((wardId, changed) => told.push(...changed.map((visit) => ({ wardId, visit }))));
    return markMissed(contextOf(node), events);
  };
  const counts = await Promise.all([...nodes, ...nodes].map(run));
  expect(counts.reduce((sum, n) => sum + n, 0)).toBe(visits.length + 1);
  // Each visit reached its own ward's tablets exactly once, marked missed at version 2.
  const byId = told.map(({ wardId, visit }) => [visit.id, wardId === otherWard ? 'other' : 'demo', visit.status, visit.version]);
  const expected = [...visits.map((v) => [v.id, 'demo', 'missed', 2]), [other.id, 'other', 'missed', 2]];
  expect(byId.sort()).toEqual(expected.sort());
});

it('the session sweep of every node sees a sign-out made on another', async () => {
  const onSecond = tablets[1].cookieHeader;
  const tokenHash = sha256(onSecond.slice(onSecond.indexOf('=') + 1));
  const cursor = { endedAfter: clock, expiredUntil: clock };
  clock = new Date(clock.getTime() + 1_000);
  // The tablet signed in on the second node signs out through the first.
  expect((await new ApiClient(nodes[0].url).request('DELETE', '/api/session', undefined, { cookie: onSecond })).status).toBeLessThan(300);
  clock = new Date(clock.getTime() + 2_000);
  const heard = await Promise.all(
    nodes.map(async (node) => {
      const ended: string[] = [];
      const events = createWardEvents();
      events.onSessionEnded((hash) => ended.push(hash));
      await sweepSessions(contextOf(node), events, cursor);
      return ended;
    }),
  );
  expect(heard).toEqual([[tokenHash], [tokenHash]]);
  expect((await tablets[1].list()).status).toBe(401);
});

describe('an idempotency key replayed on both nodes at once', () => {
  const sendEverywhere = (command: Command, copies = 10) => Promise.all(Array.from({ length: copies * 2 }, (_, n) => tablets[n % 2]!.send(command)));

  it('books one visit, and every copy gets the same answer', async () => {
    const command = book({ patientName: 'Once Only', date: '2026-11-20', time: '10:00' });
    const answers = await sendEverywhere(command);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(await nodes[0].db.selectFrom('visits').select('patient_name').where('patient_name', '=', 'Once Only').execute()).toHaveLength(1);
    expect(await nodes[1].db.selectFrom('idempotency_keys').select('key').where('key', '=', command.key).execute()).toHaveLength(1);
  });

  it('cancels once, and every copy gets the same answer, not a conflict', async () => {
    const [visit] = await bookVisits(1);
    const cancel: Command = { type: 'cancel', key: crypto.randomUUID(), visitId: visit!.id, baseVersion: 1, reason: 'Patient is unwell' };
    const answers = await sendEverywhere(cancel);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body.visits[0]).toMatchObject({ status: 'cancelled', version: 2 });
  });
});

it('adds one admin when two nodes are asked for the same email at once, and both get a set-up link', async () => {
  const links = await Promise.all(
    nodes.map((node) => issueSetupLink(node.db, 'Sam.Jones@nhs.example', 'https://visits.example.nhs.uk', 'command line', clock)),
  );
  expect(links.map((link) => link.admin.email)).toEqual(['sam.jones@nhs.example', 'sam.jones@nhs.example']);
  expect(links.filter((link) => link.created)).toHaveLength(1);
  expect(await nodes[0].db.selectFrom('admins').select('id').where('email', '=', 'sam.jones@nhs.example').execute()).toHaveLength(1);
});
