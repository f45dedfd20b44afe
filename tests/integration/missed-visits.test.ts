import { beforeEach, expect, it } from 'vitest';
import { markMissed } from '../../src/server/jobs/missed-visits.js';
import { recordCallStep } from '../../src/server/store/visits.js';
import { loadConfig } from '../../src/server/config.js';
import { createWardEvents } from '../../src/server/ward-events.js';
import type { Visit } from '../../src/shared/index.js';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import { useServer } from '../helpers/use-server.js';
import { useTestClock } from '../helpers/test-clock.js';

let tablet: ApiClient;

const clock = useTestClock();
const server = useServer({ now: clock.now }, { perTest: true });
beforeEach(async () => {
  tablet = await signedInDemoWard(server);
});

/** The job as the server runs it, against the test server's database and clock. */
function runJob(pushed: Visit[][] = []) {
  const events = createWardEvents();
  events.onVisitsChanged((_ward, visits) => pushed.push(visits));
  return markMissed({ config: loadConfig({ NODE_ENV: 'test' }, process.cwd()), db: server.db, now: () => clock.at }, events);
}

const statuses = async () =>
  Object.fromEntries((await server.db.selectFrom('visits').select(['patient_name', 'status']).execute()).map((r) => [r.patient_name, r.status]));

// Hazard H09: the ward can share the link and sees whether the family is there
it('marks a visit never started missed 30 minutes after its slot, and tells the ward', async () => {
  await tablet.send(book({ patientName: 'Never Started', date: '2026-11-20', time: '10:00', lengthMinutes: 30 }));
  await tablet.send(book({ patientName: 'Later Visit', date: '2026-11-20', time: '11:00' }));

  clock.at = new Date('2026-11-20T10:59:00Z');
  expect(await runJob()).toBe(0);
  clock.at = new Date('2026-11-20T11:00:00Z');
  const pushed: Visit[][] = [];
  expect(await runJob(pushed)).toBe(1);
  expect(await statuses()).toEqual({ 'Never Started': 'missed', 'Later Visit': 'booked' });
  expect(pushed.flat().map((v) => [v.patientName, v.status, v.version])).toEqual([['Never Started', 'missed', 2]]);
});

it('leaves cancelled and started visits alone, and marks each visit once when run twice at once', async () => {
  const cancelled = (await tablet.send(book({ patientName: 'Cancelled', date: '2026-11-20', time: '10:00' }))).body.visits[0]!;
  await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: cancelled.id, baseVersion: 1, reason: 'Patient is unwell' });
  for (const name of ['One', 'Two', 'Three']) await tablet.send(book({ patientName: name, date: '2026-11-20', time: '10:00' }));
  clock.at = new Date('2026-11-21T09:00:00Z');
  const counts = await Promise.all([runJob(), runJob()]);
  expect(counts[0]! + counts[1]!).toBe(3);
  expect(await statuses()).toEqual({ Cancelled: 'cancelled', One: 'missed', Two: 'missed', Three: 'missed' });
});

// Hazard H22: a visit the ward missed closes in words and can be rebooked
it('marks a visit started but never connected missed too, and leaves one that connected alone', async () => {
  const [started, connected] = [
    (await tablet.send(book({ patientName: 'Started Only', date: '2026-11-20', time: '10:00' }))).body.visits[0]!,
    (await tablet.send(book({ patientName: 'Connected', date: '2026-11-20', time: '10:00' }))).body.visits[0]!,
  ];
  const wardId = (await server.db.selectFrom('visits').select('ward_id').executeTakeFirstOrThrow()).ward_id;
  clock.at = new Date('2026-11-20T09:50:00Z');
  await recordCallStep(server.db, wardId, started.id, 'start', clock.at);
  await recordCallStep(server.db, wardId, connected.id, 'start', clock.at);
  await recordCallStep(server.db, wardId, connected.id, 'connect', clock.at);
  clock.at = new Date('2026-11-20T11:00:00Z');
  expect(await runJob()).toBe(1);
  expect(await statuses()).toEqual({ 'Started Only': 'missed', Connected: 'in-progress' });
});
