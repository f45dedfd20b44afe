import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { markMissed } from '../../src/server/jobs/missed-visits.js';
import { runRetention } from '../../src/server/jobs/retention.js';
import { reportVisits } from '../../src/server/store/reports.js';
import { createWardEvents } from '../../src/server/ward-events.js';
import type { ReportResponse, Visit } from '../../src/shared/index.js';
import { signedInAdmin } from '../helpers/admin.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { CallSockets, next, visitorInCall, type LinkedVisit } from './call-sockets.js';

/**
 * Prove the figures: books, starts, connects, reconnects, completes, cancels and misses visits
 * through the real API and relay on a movable clock, then compares every figure of the
 * report and of the CSV with what it did.
 */

let clock: Date;
let server: TestServer;
let sockets: CallSockets;
afterEach(async () => {
  sockets?.closeAll();
  await server?.close();
});

/** Europe/London is on UTC in November, so these read as the hospital's local times too. */
const at = (instant: string) => new Date(`${instant}Z`);

async function open(startAt: string) {
  clock = at(startAt);
  server = await startServer({ now: () => clock });
  sockets = new CallSockets(server);
}

const context = () => ({ config: loadConfig({ NODE_ENV: 'test' }, process.cwd()), db: server.db, now: () => clock });

/** Made-up personal details, different for every visit, that no report may hold. */
const personal = (n: number) => ({
  patientName: `Patient${n} Quillfeather`,
  bed: `Bay Zed${n}`,
  visitorName: `Visitor${n} Marchbanks`,
  visitorMobile: `07700 9001${String(n).padStart(2, '0')}`,
  visitorEmail: `visitor${n}.marchbanks@example.org`,
});
const needles = (n: number) => [...Object.values(personal(n)), `077009001${String(n).padStart(2, '0')}`];

async function tabletFor(code: string, pin: string): Promise<ApiClient> {
  const tablet = new ApiClient(server.url);
  expect((await tablet.signIn(code, pin)).status).toBe(200);
  return tablet;
}

async function bookOn(tablet: ApiClient, n: number, date: string, time: string): Promise<Visit> {
  const answer = await tablet.send(book({ ...personal(n), date, time, lengthMinutes: 30 }));
  expect(answer.status).toBe(200);
  return answer.body.visits[0]!;
}

/** A visit's join link and a ward session live now: what a tablet and a visitor need to call. */
async function linkFor(tablet: ApiClient, visit: Visit): Promise<LinkedVisit> {
  const url: string = (await tablet.request('GET', `/api/visits/${visit.id}/join-link`)).body.url;
  return { visit, token: url.split('/visit/')[1]!, cookie: tablet.cookieHeader };
}

const outageOf = (visitId: string) =>
  server.db.selectFrom('visits').select(['reconnections', 'outage_seconds', 'interrupted_at']).where('id', '=', visitId).executeTakeFirstOrThrow();

/**
 * A call through the relay: connects at `connectAt`, loses media for each [from, back] pair
 * (back null: still gone when the call ends), ends at `endAt`. The visitor may answer the feedback question.
 */
async function runCall(linked: LinkedVisit, connectAt: string, outages: [string, string | null][], endAt: string, feedback: string[] = []) {
  clock = at(connectAt);
  const { ward, visitor, participantId, pairingId } = await visitorInCall(sockets, linked);
  const pages = await Promise.all(feedback.map(async () => {
    const page = new ApiClient(server.url);
    expect((await page.openVisit(linked.token)).status).toBe(200);
    return page;
  }));
  for (const [from, back] of outages) {
    clock = at(from);
    ward.emit('interrupted', { participantId, pairingId });
    await expect.poll(async () => (await outageOf(linked.visit.id)).interrupted_at).toBe(clock.toISOString());
    if (back === null) continue;
    const before = (await outageOf(linked.visit.id)).reconnections;
    clock = at(back);
    ward.emit('connected', { participantId, pairingId });
    await expect.poll(async () => (await outageOf(linked.visit.id)).reconnections).toBe(before + 1);
  }
  clock = at(endAt);
  const ended = next(visitor, 'ended');
  ward.emit('end', {});
  await ended;
  for (const [index, page] of pages.entries()) {
    expect((await page.request('POST', '/api/visitor-session/feedback', { answer: feedback[index] })).status).toBe(204);
  }
  sockets.closeAll();
}

/** The tablet presses Start; nobody is let in. Then it ends the visit, or (`end` false) walks away. */
async function startOnly(linked: LinkedVisit, startAt: string, endAt: string | null) {
  clock = at(startAt);
  const ward = await sockets.connect({ cookie: linked.cookie });
  const room = next(ward, 'room');
  ward.emit('start', { visitId: linked.visit.id });
  await room;
  if (endAt) {
    clock = at(endAt);
    const ended = next(ward, 'ended');
    ward.emit('end', {});
    await ended;
  }
  sockets.closeAll();
}

const zeroDay = { booked: 0, completed: 0, cancelled: 0, missed: 0, endedUnjoined: 0, callMinutes: 0, reconnections: 0, outageMinutes: 0 };
const totals = (booked: number, completed: number, cancelled: number, missed: number, endedUnjoined: number) => ({ booked, completed, cancelled, missed, endedUnjoined });
const noFeedback = { 'very-good': 0, good: 0, neither: 0, poor: 0, 'very-poor': 0 };
const HEADINGS = 'Scope,Date,Visits booked,Completed,Ended with nobody joined,Cancelled,Missed,Call minutes,Reconnections,Outage minutes';

async function reportOf(admin: ApiClient, query: string): Promise<ReportResponse> {
  const answer = await admin.request<ReportResponse>('GET', `/api/admin/reports?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

async function csvOf(admin: ApiClient, query: string): Promise<{ text: string; headers: Headers }> {
  const response = await fetch(`${server.url}/api/admin/reports.csv?${query}`, { headers: { cookie: admin.cookieHeader } });
  expect(response.status).toBe(200);
  // As bytes: fetch's text() would drop the byte order mark.
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()), headers: response.headers };
}

// Hazard H18: admins never see personal data
it('reports what happened: every count, call minute, reconnection and outage, by day and in total, in JSON and CSV', async () => {
  await open('2026-11-20T09:00');
  const demo = await tabletFor(server.demo.wardCode, server.demo.pin);
  // A ward named like a formula, in another hospital: its name reaches the CSV as text.
  const otherWardId = await server.addWard('WARD2', '654321', '=HYPERLINK("x")');
  const other = await tabletFor('WARD2', '654321');
  const visits = {
    a: await bookOn(demo, 1, '2026-11-21', '10:00'),
    b: await bookOn(demo, 2, '2026-11-21', '11:00'),
    c: await bookOn(demo, 3, '2026-11-21', '12:00'),
    d: await bookOn(demo, 4, '2026-11-21', '13:00'),
    e: await bookOn(demo, 5, '2026-11-21', '14:00'),
    f: await bookOn(other, 6, '2026-11-22', '09:00'),
    g: await bookOn(demo, 7, '2026-11-22', '10:00'),
    i: await bookOn(demo, 8, '2026-11-23', '10:00'),
    // The last minute of the range's last day is in it; the first of the next day is not.
    j: await bookOn(demo, 9, '2026-11-23', '23:59'),
    k: await bookOn(demo, 10, '2026-11-24', '00:00'),
  };

  clock = at('2026-11-21T09:00');
  const demo21 = await tabletFor(server.demo.wardCode, server.demo.pin);
  // A: 30 minutes connected, 45 seconds of it without media, one reconnection.
  await runCall(await linkFor(demo21, visits.a), '2026-11-21T09:56', [['2026-11-21T10:10:00', '2026-11-21T10:10:45']], '2026-11-21T10:26', ['very-good']);
  // B: 23.5 minutes connected, ending during an outage of 90 seconds: no reconnection.
  await runCall(await linkFor(demo21, visits.b), '2026-11-21T10:58', [['2026-11-21T11:20:00', null]], '2026-11-21T11:21:30');
  // C: started and ended by the ward with nobody joined.
  await startOnly(await linkFor(demo21, visits.c), '2026-11-21T11:55', '2026-11-21T11:58');
  // D: cancelled before its time.
  clock = at('2026-11-21T12:00');
  const cancel = { type: 'cancel', key: randomUUID(), visitId: visits.d.id, baseVersion: visits.d.version, reason: 'Visitor4 Zanzibar is unwell' } as const;
  expect((await demo21.send(cancel)).status).toBe(200);
  // E: never started; missed once its slot and the grace period are over.
  clock = at('2026-11-21T15:00');
  expect(await markMissed(context(), createWardEvents())).toBe(1);

  clock = at('2026-11-22T08:30');
  const other22 = await tabletFor('WARD2', '654321');
  const demo22 = await tabletFor(server.demo.wardCode, server.demo.pin);
  // F: 42 minutes connected, two outages of 30 s and 60 s, both reconnected; two feedback answers.
  await runCall(await linkFor(other22, visits.f), '2026-11-22T08:58', [
    ['2026-11-22T09:10:00', '2026-11-22T09:10:30'],
    ['2026-11-22T09:20:00', '2026-11-22T09:21:00'],
  ], '2026-11-22T09:40', ['good', 'good']);
  // G: started, nobody let in, and the tablet walked away: missed too.
  await startOnly(await linkFor(demo22, visits.g), '2026-11-22T09:55', null);
  clock = at('2026-11-22T11:00');
  expect(await markMissed(context(), createWardEvents())).toBe(1);
  // An archived ward's visits still count.
  await server.db.updateTable('wards').set({ archived_at: clock.toISOString() }).where('id', '=', otherWardId).execute();

  clock = at('2026-11-22T12:00');
  let admin = await signedInAdmin(server, 'first@trust.example', () => clock);
  const range = 'from=2026-11-20&to=2026-11-23';
  const all = await reportOf(admin, range);
  const day21 = { booked: 5, completed: 2, cancelled: 1, missed: 1, endedUnjoined: 1, callMinutes: 51.3, reconnections: 1, outageMinutes: 2.3 };
  const day22 = { booked: 2, completed: 1, cancelled: 0, missed: 1, endedUnjoined: 0, callMinutes: 40.5, reconnections: 2, outageMinutes: 1.5 };
  expect(all).toEqual({
    from: '2026-11-20',
    to: '2026-11-23',
    scope: 'All wards',
    // Call minutes: 29.25 + 22 + 40.5; outages: 45 s + 90 s + 90 s.
    totals: { ...totals(9, 3, 1, 2, 1), totalCallMinutes: 91.8, averageCallMinutes: 30.6, reconnections: 3, outageMinutes: 3.8 },
    days: [
      { day: '2026-11-20', ...zeroDay },
      { day: '2026-11-21', ...day21 },
      { day: '2026-11-22', ...day22 },
      { day: '2026-11-23', ...zeroDay, booked: 2 },
    ],
    feedback: { ...noFeedback, 'very-good': 1, good: 2 },
  });

  const hospitalId = (await server.db.selectFrom('wards').select('hospital_id').where('code', '=', server.demo.wardCode).executeTakeFirstOrThrow()).hospital_id;
  const demoHospital = await reportOf(admin, `${range}&hospitalId=${hospitalId}`);
  expect(demoHospital.scope).toBe('Demo General Hospital');
  expect(demoHospital.totals).toEqual({ ...totals(8, 2, 1, 2, 1), totalCallMinutes: 51.3, averageCallMinutes: 25.6, reconnections: 1, outageMinutes: 2.3 });
  expect(demoHospital.days.map((day) => day.booked)).toEqual([0, 5, 1, 2]);
  expect(demoHospital.feedback).toEqual({ ...noFeedback, 'very-good': 1 });
  const otherWard = await reportOf(admin, `${range}&wardId=${otherWardId}`);
  expect(otherWard.scope).toBe('=HYPERLINK("x"), Other hospital');
  expect(otherWard.totals).toEqual({ ...totals(1, 1, 0, 0, 0), totalCallMinutes: 40.5, averageCallMinutes: 40.5, reconnections: 2, outageMinutes: 1.5 });
  expect(otherWard.days[2]).toEqual({ day: '2026-11-22', ...day22, booked: 1, missed: 0 });
  expect(otherWard.feedback).toEqual({ ...noFeedback, good: 2 });

  // Without dates: the 30 days ending today, 22 November, so the 23rd's visits are not in it.
  const recent = await reportOf(admin, '');
  expect([recent.from, recent.to, recent.days.length, recent.totals.booked]).toEqual(['2026-10-24', '2026-11-22', 30, 7]);

  const csv = await csvOf(admin, range);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(csv.headers.get('content-disposition')).toBe('attachment; filename="visits-2026-11-20-to-2026-11-23.csv"');
  expect(csv.text.split('\r\n')).toEqual([
    `\uFEFF${HEADINGS}`,
    'All wards,2026-11-20,0,0,0,0,0,0,0,0',
    'All wards,2026-11-21,5,2,1,1,1,51.3,1,2.3',
    'All wards,2026-11-22,2,1,0,0,1,40.5,2,1.5',
    'All wards,2026-11-23,2,0,0,0,0,0,0,0',
    'All wards,Total,9,3,1,1,2,91.8,3,3.8',
    '',
  ]);
  const otherCsv = await csvOf(admin, `${range}&wardId=${otherWardId}`);
  expect(otherCsv.text.split('\r\n')[3]).toBe(`"'=HYPERLINK(""x""), Other hospital",2026-11-22,1,1,0,0,0,40.5,2,1.5`);

  // Nothing personal, in any answer: names, beds, numbers, emails, the cancel reason.
  const answers = [all, demoHospital, otherWard, recent].map((report) => JSON.stringify(report)).join() + csv.text + otherCsv.text;
  for (let n = 1; n <= 10; n += 1) for (const needle of needles(n)) expect(answers).not.toContain(needle);
  expect(answers).not.toContain('Zanzibar');

  // Once personal data has been deleted, the figures are the same.
  clock = at('2026-11-23T09:50');
  expect((await runRetention(context())).visitsCleared).toBe(6);
  // Admin sessions end after 15 idle minutes: a day later, another admin signs in.
  admin = await signedInAdmin(server, 'second@trust.example', () => clock);
  expect(await reportOf(admin, range)).toEqual(all);
  expect((await csvOf(admin, range)).text).toBe(csv.text);
  // What the store reads for a report: never a personal column, even while one is still filled in.
  const rows = await reportVisits(server.db, { kind: 'all' }, at('2026-11-20T00:00'), at('2026-11-24T00:00'));
  expect(rows).toHaveLength(9);
  for (const row of rows) expect(Object.keys(row).sort()).toEqual(['connected_at', 'ended_at', 'outage_seconds', 'reconnections', 'starts_at', 'status', 'ward_id']);
});

it('puts visits on the hospital-local day they start when the clocks change', async () => {
  await open('2026-10-20T09:00');
  const tablet = await tabletFor(server.demo.wardCode, server.demo.pin);
  // 23:30 BST on the 24th is 22:30 UTC; 00:30 BST on the 25th is 23:30 UTC on the 24th.
  await bookOn(tablet, 1, '2026-10-24', '23:30');
  await bookOn(tablet, 2, '2026-10-25', '00:30');
  // After the clocks went back: 23:30 GMT on the 25th, then 00:15 GMT on the 26th.
  await bookOn(tablet, 3, '2026-10-25', '23:30');
  await bookOn(tablet, 4, '2026-10-26', '00:15');
  const admin = await signedInAdmin(server, undefined, () => clock);
  expect((await reportOf(admin, 'from=2026-10-25&to=2026-10-25')).totals.booked).toBe(2);
  expect((await reportOf(admin, 'from=2026-10-24&to=2026-10-26')).days.map((day) => [day.day, day.booked])).toEqual([
    ['2026-10-24', 1],
    ['2026-10-25', 2],
    ['2026-10-26', 1],
  ]);
});

it('refuses a query it cannot answer in a sentence, and anyone but an admin', async () => {
  await open('2026-11-20T09:00');
  const admin = await signedInAdmin(server, undefined, () => clock);
  const hospitalId = (await server.db.selectFrom('hospitals').select('id').executeTakeFirstOrThrow()).id;
  const otherWardId = await server.addWard('WARD2', '654321');
  const refusals: [string, number, RegExp][] = [
    ['from=2026-11-22&to=2026-11-21', 400, /start date must be on or before the end date/],
    ['from=2026-02-30&to=2026-03-02', 400, /2026-02-30 is not a real date/],
    ['from=2025-01-01&to=2026-02-04', 400, /up to 366 days/],
    ['from=21/11/2026', 400, /from is not valid/],
    [`wardId=${randomUUID()}`, 404, /no ward with that id/],
    [`hospitalId=${randomUUID()}`, 404, /no hospital with that id/],
    // A ward of another hospital is as unknown as one that does not exist.
    [`hospitalId=${hospitalId}&wardId=${otherWardId}`, 404, /no ward with that id in the hospital/],
    ['wardId=ward-7', 400, /wardId is not valid/],
    ['patientName=Alex', 400, /not allowed: patientName/],
    ['from=2026-11-01&from=2026-11-02', 400, /from must be a string/],
  ];
  for (const [query, status, message] of refusals) {
    for (const path of ['/api/admin/reports', '/api/admin/reports.csv']) {
      const answer = await admin.request('GET', `${path}?${query}`);
      expect([query, path, answer.status]).toEqual([query, path, status]);
      expect(answer.body.error.message, query).toMatch(message);
      expect(answer.body.error.message, query).toMatch(/^[A-Z].*\.$/);
    }
  }
  const tablet = await tabletFor(server.demo.wardCode, server.demo.pin);
  for (const client of [tablet, new ApiClient(server.url)]) {
    for (const path of ['/api/admin/reports', '/api/admin/reports.csv']) expect([401, 403]).toContain((await client.request('GET', path)).status);
  }
});
