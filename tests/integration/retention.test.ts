import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { markMissed } from '../../src/server/jobs/missed-visits.js';
import { runRetention } from '../../src/server/jobs/retention.js';
import { closeInterruption, recordInterruption } from '../../src/server/store/call-outages.js';
import { recordFeedback } from '../../src/server/store/feedback.js';
import { recordCallStep, type CallStep } from '../../src/server/store/visits.js';
import { createWardEvents } from '../../src/server/ward-events.js';
import type { Visit } from '../../src/shared/index.js';
import { setUpAdmin } from '../helpers/admin.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { columnsHolding, filesHolding } from '../helpers/db-search.js';
import { startServer, type TestServer } from '../helpers/server.js';

/** The personal-data retention job, run with a fake clock against a real SQLite database. */

let clock: Date;
let server: TestServer | undefined;
let tablet: ApiClient;
let wardId: string;
let env: Record<string, string>;

/** Europe/London is on UTC in November, so these read as the hospital's local times too. */
const at = (minute: string) => new Date(`${minute}:00Z`);

async function open(withEnv: Record<string, string> = {}) {
  env = withEnv;
  clock = at('2026-11-20T08:00');
  server = await startServer({ now: () => clock, env });
  tablet = await signedInTablet();
  wardId = (await server.db.selectFrom('wards').select('id').where('code', '=', server.demo.wardCode).executeTakeFirstOrThrow()).id;
}
afterEach(() => server?.close());

async function signedInTablet() {
  const client = new ApiClient(server!.url);
  expect((await client.signIn(server!.demo.wardCode, server!.demo.pin)).status).toBe(200);
  return client;
}

const context = () => ({ config: loadConfig({ NODE_ENV: 'test', ...env }, process.cwd()), db: server!.db, now: () => clock });
const retention = () => runRetention(context());

/** Made-up details no other row holds; `n` makes the mobile number unique too (07700 9001nn). */
const personal = (tag: string, n: number) => ({
  patientName: `${tag} Quillfeather`,
  bed: `Bay ${tag}`,
  visitorName: `${tag} Marchbanks`,
  visitorMobile: `07700 9001${n}${n}`,
  visitorEmail: `${tag.toLowerCase()}.marchbanks@example.org`,
});
const needles = (tag: string, n: number) => [`${tag} Quillfeather`, `Bay ${tag}`, `${tag} Marchbanks`, `077009001${n}${n}`, `${tag.toLowerCase()}.marchbanks@`, `${tag} Zanzibar`];

async function bookVisit(tag: string, n: number, date: string, time: string): Promise<Visit> {
  const answer = await tablet.send(book({ ...personal(tag, n), date, time, lengthMinutes: 30 }));
  expect(answer.status).toBe(200);
  return answer.body.visits[0]!;
}

const cancelVisit = (visit: Visit, reason: string) =>
  tablet.send({ type: 'cancel', key: randomUUID(), visitId: visit.id, baseVersion: visit.version, reason });

async function step(visit: Visit, callStep: CallStep, minute: string) {
  clock = at(minute);
  expect((await recordCallStep(server!.db, wardId, visit.id, callStep, clock))?.changed).toBe(true);
}

const CLEARED = { patient_name: null, bed: null, visitor_name: null, visitor_mobile: null, visitor_email: null, cancel_reason: null };
const personalOf = (visit: Visit) =>
  server!.db
    .selectFrom('visits')
    .select(['patient_name', 'bed', 'visitor_name', 'visitor_mobile', 'visitor_email', 'cancel_reason'])
    .where('id', '=', visit.id)
    .executeTakeFirstOrThrow();

/** Every column but the personal ones: what reports count and time, and must not change. */
const reportColumns = () =>
  server!.db
    .selectFrom('visits')
    .select(['id', 'ward_id', 'version', 'status', 'starts_at', 'length_minutes', 'created_at', 'updated_at', 'ready_at', 'connected_at'])
    .select(['ended_at', 'feedback_given', 'reconnections', 'outage_seconds', 'interrupted_at', 'join_token_hash', 'rebook_of'])
    .orderBy('id')
    .execute();
const feedbackRows = () => server!.db.selectFrom('feedback_counts').selectAll().orderBy('answer').execute();

// Hazard H11: personal data is deleted on time and never logged
it('clears every visit closed or over more than a day ago, within 24 hours, and keeps what reports count', async () => {
  await open();
  const completed = await bookVisit('Aldous', 1, '2026-11-20', '09:00');
  const cancelled = await bookVisit('Beatrix', 2, '2026-11-27', '10:00');
  const missed = await bookVisit('Cosimo', 3, '2026-11-20', '09:00');
  const stuck = await bookVisit('Delphine', 4, '2026-11-20', '09:00');
  const recent = await bookVisit('Evander', 5, '2026-11-21', '08:00');
  await bookVisit('Florimel', 6, '2026-11-28', '14:00');
  clock = at('2026-11-20T08:05');
  expect((await cancelVisit(cancelled, 'Beatrix Zanzibar has flu')).status).toBe(200);

  await step(completed, 'start', '2026-11-20T08:55');
  await step(stuck, 'start', '2026-11-20T08:55');
  await step(completed, 'connect', '2026-11-20T09:00');
  // A relay restart would leave this one in progress: its end is never recorded.
  await step(stuck, 'connect', '2026-11-20T09:00');
  await recordInterruption(server!.db, wardId, completed.id, at('2026-11-20T09:10'));
  await closeInterruption(server!.db, wardId, completed.id, at('2026-11-20T09:11'), true);
  await step(completed, 'end', '2026-11-20T09:30');
  await recordFeedback(server!.db, { visitId: completed.id, wardId, day: '2026-11-20' }, 'good', 3);
  clock = at('2026-11-20T10:00');
  expect(await markMissed(context(), createWardEvents())).toBe(1);
  await step(recent, 'start', '2026-11-21T07:55');
  await step(recent, 'connect', '2026-11-21T08:00');
  await step(recent, 'end', '2026-11-21T08:30');
  const reports = await reportColumns();
  const feedback = await feedbackRows();
  expect(reports.find((row) => row.id === completed.id)).toMatchObject({ status: 'completed', reconnections: 1, outage_seconds: 60, feedback_given: 1 });

  // The job clears at 23 h 50 min, one run interval early: only the 08:05 cancellation is due.
  clock = at('2026-11-21T09:00');
  expect(await retention()).toMatchObject({ visitsCleared: 1 });
  expect(await personalOf(cancelled)).toEqual(CLEARED);
  expect(await personalOf(completed)).toMatchObject({ patient_name: 'Aldous Quillfeather' });

  // Two server nodes running the job at once clear each visit once.
  clock = at('2026-11-21T10:00');
  const runs = await Promise.all([retention(), retention()]);
  expect(runs[0]!.visitsCleared + runs[1]!.visitsCleared).toBe(3);
  for (const visit of [completed, cancelled, missed, stuck]) expect(await personalOf(visit)).toEqual(CLEARED);
  for (const [tag, n] of [['Aldous', 1], ['Beatrix', 2], ['Cosimo', 3], ['Delphine', 4]] as const) {
    for (const needle of needles(tag, n)) {
      expect(await columnsHolding(server!.db, needle), needle).toEqual([]);
      // Not in the database file's free space nor in old write-ahead log frames either.
      // On disk: SQLite's files only, this part cannot apply to PostgreSQL (see filesHolding).
      if (server!.database === 'sqlite') expect(filesHolding(server!.dataDir, needle), needle).toEqual([]);
    }
  }
  // The searches find what is still there: the recent and upcoming visits keep their details.
  expect(await personalOf(recent)).toMatchObject({ patient_name: 'Evander Quillfeather', visitor_mobile: '07700900155' });
  expect(await columnsHolding(server!.db, 'Florimel Marchbanks')).toEqual(['visits.visitor_name']);
  // On disk: SQLite's files only, this part cannot apply to PostgreSQL (see filesHolding).
  if (server!.database === 'sqlite') expect(filesHolding(server!.dataDir, 'Florimel Marchbanks')).toEqual(['ward-visits.sqlite']);
  expect(await reportColumns()).toEqual(reports);
  expect(await feedbackRows()).toEqual(feedback);

  const everything = await server!.db.selectFrom('visits').selectAll().orderBy('id').execute();
  expect(await retention()).toEqual({ visitsCleared: 0, idempotencyKeysDeleted: 0, sessionsDeleted: 0, auditEntriesDeleted: 0 });
  expect(await server!.db.selectFrom('visits').selectAll().orderBy('id').execute()).toEqual(everything);

  // A tablet still lists the cleared visits, with their status and no names.
  const listed = (await (await signedInTablet()).list()).body.visits.find((visit) => visit.id === cancelled.id);
  expect(listed).toMatchObject({ status: 'cancelled', patientName: null, visitorName: null, cancelReason: null });
});

// Hazard H11: personal data is deleted on time and never logged
it('deletes stored command answers and sessions over for longer than the period; a replay of such a command gets a plain 4xx', async () => {
  await open();
  const commands = {
    future: book({ ...personal('Gideon', 7), date: '2026-11-27', time: '10:00' }),
    past: book({ ...personal('Honoria', 8), date: '2026-11-20', time: '12:00' }),
    toCancel: book({ ...personal('Ignatius', 9), date: '2026-11-26', time: '10:00' }),
  };
  for (const command of [commands.future, commands.past]) expect((await tablet.send(command)).status).toBe(200);
  const toCancel = (await tablet.send(commands.toCancel)).body.visits[0]!;
  const cancel = { type: 'cancel' as const, key: randomUUID(), visitId: toCancel.id, baseVersion: toCancel.version, reason: 'Ignatius Zanzibar went home' };
  expect((await tablet.send(cancel)).status).toBe(200);
  const signedOut = await signedInTablet();
  expect((await signedOut.request('DELETE', '/api/session')).status).toBe(204);

  clock = at('2026-11-22T09:00');
  const laterTablet = await signedInTablet();
  const recentKey = book({ ...personal('Jocasta', 0), date: '2026-11-29', time: '10:00' });
  expect((await laterTablet.send(recentKey)).status).toBe(200);
  // Cleared: the cancelled visit, and the past one by its slot (nothing marked it missed).
  expect(await retention()).toEqual({ visitsCleared: 2, idempotencyKeysDeleted: 4, sessionsDeleted: 2, auditEntriesDeleted: 0 });
  expect((await server!.db.selectFrom('idempotency_keys').select('key').execute()).map((row) => row.key)).toEqual([recentKey.key]);
  expect(await server!.db.selectFrom('sessions').select('created_at').execute()).toEqual([{ created_at: '2026-11-22T09:00:00.000Z' }]);
  for (const needle of [...needles('Honoria', 8), ...needles('Ignatius', 9)]) {
    expect(await columnsHolding(server!.db, needle), needle).toEqual([]);
    // On disk: SQLite's files only, this part cannot apply to PostgreSQL (see filesHolding).
    if (server!.database === 'sqlite') expect(filesHolding(server!.dataDir, needle), needle).toEqual([]);
  }
  // The upcoming visit keeps its details even though its booking's stored answer went.
  expect(await columnsHolding(server!.db, 'Gideon Quillfeather')).toEqual(['visits.patient_name']);

  // An outbox replayed after so long is decided afresh, and refused in plain words.
  const visitCount = async () => (await server!.db.selectFrom('visits').select('id').execute()).length;
  const before = await visitCount();
  const replays = await Promise.all([commands.future, commands.past, cancel].map((command) => laterTablet.send(command)));
  expect(replays.map((answer) => [answer.status, answer.body.error.code])).toEqual([
    [409, 'not_allowed'],
    [400, 'invalid_booking'],
    [409, 'conflict'],
  ]);
  expect(await visitCount()).toBe(before);
});

// Hazard H11: personal data is deleted on time and never logged
it('keeps data for less when RETENTION_HOURS is lower: an hour after the visit ends', async () => {
  await open({ RETENTION_HOURS: '1' });
  const completed = await bookVisit('Kasimir', 1, '2026-11-20', '09:00');
  const cancelled = await bookVisit('Lavinia', 2, '2026-11-27', '10:00');
  await step(completed, 'start', '2026-11-20T09:00');
  await step(completed, 'connect', '2026-11-20T09:00');
  await step(completed, 'end', '2026-11-20T09:30');
  clock = at('2026-11-20T09:35');
  expect((await cancelVisit(cancelled, 'Lavinia Zanzibar')).status).toBe(200);

  clock = at('2026-11-20T10:19');
  expect(await retention()).toMatchObject({ visitsCleared: 0 });
  clock = at('2026-11-20T10:21');
  expect(await retention()).toMatchObject({ visitsCleared: 1 });
  expect(await personalOf(completed)).toEqual(CLEARED);
  expect(await personalOf(cancelled)).toMatchObject({ cancel_reason: 'Lavinia Zanzibar' });
  clock = at('2026-11-20T10:35');
  expect(await retention()).toMatchObject({ visitsCleared: 1 });
  for (const needle of [...needles('Kasimir', 1), ...needles('Lavinia', 2)]) {
    expect(await columnsHolding(server!.db, needle), needle).toEqual([]);
    // On disk: SQLite's files only, this part cannot apply to PostgreSQL (see filesHolding).
    if (server!.database === 'sqlite') expect(filesHolding(server!.dataDir, needle), needle).toEqual([]);
  }
});

it('keeps the admin audit log for AUDIT_RETENTION_DAYS, then deletes only what is older', async () => {
  await open({ AUDIT_RETENTION_DAYS: '30' });
  const admin = (await setUpAdmin(server!, 'admin@trust.example', () => clock)).client;
  const entries = async () => (await admin.request('GET', '/api/admin/audit')).body.entries.length;
  const firstEntries = await entries();
  expect(firstEntries).toBeGreaterThanOrEqual(3);
  clock = at('2026-12-10T08:00');
  await setUpAdmin(server!, 'second@trust.example', () => clock);
  expect(await retention()).toMatchObject({ auditEntriesDeleted: 0 });
  clock = at('2026-12-20T08:01');
  const signedIn = (await setUpAdmin(server!, 'third@trust.example', () => clock)).client;
  expect(await retention()).toMatchObject({ auditEntriesDeleted: firstEntries });
  const kept = (await signedIn.request('GET', '/api/admin/audit')).body.entries;
  expect(kept.map((entry: { actor: string }) => entry.actor)).not.toContain('admin@trust.example');
  expect(kept.map((entry: { actor: string }) => entry.actor)).toContain('second@trust.example');
});

// Hazard H11: personal data is deleted on time and never logged
it('runs as the server starts, so a server restarted more often than the interval still deletes on time', async () => {
  await open();
  const visit = await bookVisit('Ottoline', 3, '2026-11-20', '09:00');
  await step(visit, 'start', '2026-11-20T09:00');
  await step(visit, 'connect', '2026-11-20T09:00');
  await step(visit, 'end', '2026-11-20T09:30');
  const first = server!;
  await first.stop();
  clock = at('2026-11-21T09:31');
  server = await startServer({ now: () => clock, dataDir: first.dataDir });
  await expect.poll(() => personalOf(visit), { timeout: 10_000 }).toEqual(CLEARED);
  await server.close();
  await first.close(); // removes the data folder the two shared
});
