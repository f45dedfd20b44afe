import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '../../src/shared/index.js';
import { ApiClient, book, booking, newIds, signedInDemoWard } from '../helpers/api-client.js';
import { useServer } from '../helpers/use-server.js';
import { useTestClock } from '../helpers/test-clock.js';

let tablet: ApiClient;

async function visitCount(): Promise<number> {
  const row = await server.db.selectFrom('visits').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves the server's clock and signs in again, as a nurse would at the start of that shift. */
async function startShiftAt(iso: string): Promise<void> {
  clock.at = new Date(iso);
  await tablet.signIn(server.demo.wardCode, server.demo.pin);
}

async function bookOne(fields = {}): Promise<Visit> {
  const answer = await tablet.send(book(fields));
  expect(answer.status).toBe(200);
  return answer.body.visits[0]!;
}

const clock = useTestClock();
const server = useServer({ now: clock.now }, { perTest: true });
beforeEach(async () => {
  tablet = await signedInDemoWard(server);
});

describe('booking', () => {
  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('books a visit at the hospital local time and lists it', async () => {
    const visit = await bookOne({ date: '2026-12-01', time: '14:30' });
    expect(visit).toMatchObject({ status: 'booked', version: 1, startsAt: '2026-12-01T14:30:00.000Z', patientName: 'Alex Example', visitorMobile: '07700900982' });
    const list = await tablet.list();
    expect(list.body.visits.map((v) => v.id)).toEqual([visit.id]);
  });

  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('repeats daily at the same local time across the clocks going forward', async () => {
    await startShiftAt('2027-03-20T09:00:00Z');
    const answer = await tablet.send(book({ date: '2027-03-27', time: '10:00', repeatDays: 3 }));
    expect(answer.status).toBe(200);
    // GMT on the 27th, BST (UTC+1) from the 28th: the same 10:00 on the ward clock.
    expect(answer.body.visits.map((v) => v.startsAt)).toEqual([
      '2027-03-27T10:00:00.000Z',
      '2027-03-28T09:00:00.000Z',
      '2027-03-29T09:00:00.000Z',
    ]);
  });

  // Hazard H15: visits stay at the hospital-local hour across time zones and clock changes
  it('refuses a time the clocks skip, naming the field', async () => {
    await startShiftAt('2027-03-20T09:00:00Z');
    const answer = await tablet.send(book({ date: '2027-03-28', time: '01:30' }));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([{ field: 'time', message: expect.stringMatching(/clocks go forward/) }]);
    expect(await visitCount()).toBe(0);
  });

  // Hazard H11: personal data is deleted on time and never logged
  it('refuses a visit more than a year ahead (its personal data would outlive any retention), changing nothing', async () => {
    const answer = await tablet.send(book({ date: '9999-12-31', time: '10:00' }));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([{ field: 'date', message: 'The visit must be within a year from today' }]);
    expect(await visitCount()).toBe(0);
  });

  // Hazard H19: booking mistakes are caught before and after booking
  it('refuses bookings that break the rules, saying what is wrong with each field', async () => {
    const answer = await tablet.send(
      book({ patientName: ' ', visitorMobile: '01632 960001', visitorEmail: 'not-an-email', date: '2026-11-20', time: '08:00', lengthMinutes: 300, repeatDays: 15 }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_booking');
    expect(answer.body.error.fields.map((p: { field: string }) => p.field)).toEqual([
      'patientName',
      'visitorMobile',
      'visitorEmail',
      'time',
      'lengthMinutes',
      'repeatDays',
    ]);
    expect(await visitCount()).toBe(0);
  });
});

describe('visit ids chosen by the tablet', () => {
  it('keeps the ids the tablet chose, so an offline tablet can link to a visit before it is sent', async () => {
    const command = book({ repeatDays: 2 });
    const answer = await tablet.send(command);
    expect(answer.body.visits.map((v) => v.id)).toEqual(command.visitIds);
  });

  it('needs exactly one id per day', async () => {
    const answer = await tablet.send({ ...book({ repeatDays: 2 }), visitIds: newIds(1) });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/one new id for each day/);
    expect(await visitCount()).toBe(0);
  });

  it("refuses ids that are taken, even by another ward's visit, and changes nothing", async () => {
    const first = await bookOne();
    await server.addWard('WARD2', '654321');
    const otherWard = new ApiClient(server.url);
    await otherWard.signIn('WARD2', '654321');
    const answer = await otherWard.send({ ...book(), visitIds: [first.id] });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('not_allowed');
    expect((await tablet.request('GET', `/api/visits/${first.id}`)).body).toEqual(first);
    expect(await visitCount()).toBe(1);
  });
});

describe('idempotency', () => {
  // Hazard H05: a change made offline is kept and applied exactly once
  it('applies a repeated key once and answers the first result again', async () => {
    const command = book();
    const first = await tablet.send(command);
    const again = await tablet.send(command);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await visitCount()).toBe(1);
  });

  // Hazard H05: a change made offline is kept and applied exactly once
  it('applies a key once even when both copies arrive together', async () => {
    const command = book({ repeatDays: 2 });
    const answers = await Promise.all([tablet.send(command), tablet.send(command), tablet.send(command)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await visitCount()).toBe(2);
  });

  // Hazard H05: a change made offline is kept and applied exactly once
  it('refuses a reused key carrying a different change, and changes nothing', async () => {
    const command = book();
    await tablet.send(command);
    const reused = await tablet.send({ ...command, fields: booking({ patientName: 'Someone Else' }) });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('key_reused');
    expect(await visitCount()).toBe(1);
  });
});

describe('change, cancel and rebook', () => {
  it('changes a visit and bumps its version', async () => {
    const visit = await bookOne();
    const { repeatDays: _, ...fields } = booking({ visitorName: 'Jo Example', time: '15:00' });
    const answer = await tablet.send({ type: 'change', key: randomUUID(), visitId: visit.id, baseVersion: 1, fields });
    expect(answer.status).toBe(200);
    expect(answer.body.visits[0]).toMatchObject({ id: visit.id, version: 2, visitorName: 'Jo Example', startsAt: '2026-12-01T15:00:00.000Z' });
  });

  // Hazard H04: the visit list and the family's link show the current visit
  it('a change based on an old version loses to the server, which says what happened', async () => {
    const visit = await bookOne();
    await tablet.send({ type: 'cancel', key: randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Patient is unwell' });
    const { repeatDays: _, ...fields } = booking({ visitorName: 'Late Edit' });
    const stale = await tablet.send({ type: 'change', key: randomUUID(), visitId: visit.id, baseVersion: 1, fields });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', message: 'This visit was cancelled on another tablet.' });
    expect(stale.body.error.visit).toMatchObject({ status: 'cancelled', visitorName: 'Sam Example', version: 2 });
  });

  it('cancels with a reason, and a cancelled visit cannot be cancelled or changed again', async () => {
    const visit = await bookOne();
    const cancelled = await tablet.send({ type: 'cancel', key: randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Patient discharged' });
    expect(cancelled.body.visits[0]).toMatchObject({ status: 'cancelled', cancelReason: 'Patient discharged', version: 2 });
    const again = await tablet.send({ type: 'cancel', key: randomUUID(), visitId: visit.id, baseVersion: 2, reason: 'Again' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('not_allowed');
  });

  it('refuses a cancel with no reason', async () => {
    const visit = await bookOne();
    const answer = await tablet.send({ type: 'cancel', key: randomUUID(), visitId: visit.id, baseVersion: 1, reason: '  ' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/reason is too short/);
  });

  it('cannot change a visit once its time has passed', async () => {
    const visit = await bookOne({ date: '2026-11-20', time: '10:00' });
    clock.at = new Date('2026-11-20T10:05:00Z');
    const { repeatDays: _, ...fields } = booking({ date: '2026-11-21' });
    const answer = await tablet.send({ type: 'change', key: randomUUID(), visitId: visit.id, baseVersion: 1, fields });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('not_allowed');
  });

  // Hazard H22: a visit the ward missed closes in words and can be rebooked
  it('rebooks into a new visit linked to the old one, leaving the old one as it was', async () => {
    const visit = await bookOne();
    const answer = await tablet.send({ type: 'rebook', key: randomUUID(), visitId: visit.id, baseVersion: 1, visitIds: newIds(), fields: booking({ date: '2026-12-02' }) });
    expect(answer.status).toBe(200);
    expect(answer.body.visits[0]).toMatchObject({ rebookOf: visit.id, startsAt: '2026-12-02T14:30:00.000Z', version: 1 });
    expect((await tablet.request('GET', `/api/visits/${visit.id}`)).body.version).toBe(1);
  });
});

describe('ward scoping', () => {
  // Hazard H02: a ward sees and starts only its own visits
  it("another ward's visit id is not found, and nothing about it changes", async () => {
    const visit = await bookOne();
    await server.addWard('WARD2', '654321');
    const otherWard = new ApiClient(server.url);
    await otherWard.signIn('WARD2', '654321');

    expect((await otherWard.request('GET', `/api/visits/${visit.id}`)).status).toBe(404);
    expect((await otherWard.list()).body.visits).toEqual([]);
    const commands = [
      { type: 'cancel', key: randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Not mine' },
      { type: 'rebook', key: randomUUID(), visitId: visit.id, baseVersion: 1, visitIds: newIds(), fields: booking() },
    ] as const;
    for (const command of commands) {
      const answer = await otherWard.send(command);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    expect((await tablet.request('GET', `/api/visits/${visit.id}`)).body).toEqual(visit);
    expect(await visitCount()).toBe(1);
  });

  it('the same idempotency key on two wards is two separate changes', async () => {
    await server.addWard('WARD2', '654321');
    const otherWard = new ApiClient(server.url);
    await otherWard.signIn('WARD2', '654321');
    const command = book();
    expect((await tablet.send(command)).status).toBe(200);
    expect((await otherWard.send({ ...command, visitIds: newIds() })).status).toBe(200);
    expect(await visitCount()).toBe(2);
  });
});
