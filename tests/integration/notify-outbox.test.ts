import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VisitMessages } from '../../src/shared/index.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { startFakeNotify, type FakeNotify } from '../helpers/fake-notify/index.js';
import { FAKE_TEMPLATES, freePort, messageName, notifyEnv } from '../helpers/notify-env.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { CallSockets, next, visitorCookie } from './call-sockets.js';

/**
 * The message outbox end to end: the real server, the real notifications-node-client, and a
 * fake GOV.UK Notify that speaks its API. The server's clock is movable, so a retry's backoff
 * can pass at once; Notify's own clock (the JWT's iat) stays real.
 */

const MOBILE = '07700 900123';
const EMAIL = 'sam@example.com';

let fake: FakeNotify;
let server: TestServer;
let tablet: ApiClient;
const clock = { at: new Date('2026-11-20T09:00:00Z') };
const later = (seconds: number) => void (clock.at = new Date(clock.at.getTime() + seconds * 1000));

beforeAll(async () => {
  fake = await startFakeNotify({ templates: FAKE_TEMPLATES });
  const port = await freePort();
  server = await startServer({ now: () => clock.at, port, env: notifyEnv(fake, `http://127.0.0.1:${port}`) });
});
afterAll(async () => {
  await server.close();
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  tablet = new ApiClient(server.url);
  await tablet.signIn(server.demo.wardCode, server.demo.pin);
});

const names = () => fake.sent().map(messageName).sort();
const sendRequests = () => fake.requests().filter((r) => r.method === 'POST');
const lookups = () => fake.requests().filter((r) => r.method === 'GET' && r.query.includes('reference='));
const messagesOf = async (visitId: string) => (await tablet.request<VisitMessages>('GET', `/api/visits/${visitId}/messages`)).body;
/** The job looks every 2 seconds: a few looks, on a machine shared with other suites. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
/** Two of the job's checks: time enough for any duplicate to have gone out. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 4_500));

async function bookVisit(fields: Parameters<typeof book>[0] = {}) {
  const answer = await tablet.send(book({ date: '2026-11-21', time: '14:30', visitorMobile: MOBILE, visitorEmail: EMAIL, ...fields }));
  expect(answer.status).toBe(200);
  return answer.body.visits[0]!;
}

describe('which messages go', () => {
  it('a booking sends one confirmation per contact, with the visit in it and no link', async () => {
    const visit = await bookVisit();
    await eventually(names).toEqual(['booked/email', 'booked/sms']);
    const text = fake.sent().find((n) => n.type === 'sms')!;
    expect(text.to).toBe('07700900123');
    expect(text.personalisation).toMatchObject({
      patient_name: 'Alex Example',
      visitor_name: 'Sam Example',
      visit_date: 'Saturday 21 November',
      visit_time: '14:30',
      visit_length: '30 minutes',
    });
    expect(text.personalisation).not.toHaveProperty('link');
    await settle();
    expect(names()).toEqual(['booked/email', 'booked/sms']);
    expect((await messagesOf(visit.id)).contacts.map((c) => [c.channel, c.kind, c.state])).toEqual([
      ['sms', 'booked', 'sent'],
      ['email', 'booked', 'sent'],
    ]);
  });

  it('a new time sends "changed"; a new bed sends nothing; cancelling sends "cancelled"', async () => {
    const visit = await bookVisit();
    await eventually(names).toHaveLength(2);
    const fields = { patientName: 'Alex Example', bed: '12', visitorName: 'Sam Example', visitorMobile: MOBILE, visitorEmail: EMAIL, date: '2026-11-21', lengthMinutes: 30 };
    const moved = await tablet.send({ type: 'change', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, fields: { ...fields, time: '15:00' } });
    expect(moved.status).toBe(200);
    await eventually(names).toEqual(['booked/email', 'booked/sms', 'changed/email', 'changed/sms']);
    expect(fake.sent().find((n) => messageName(n) === 'changed/sms')!.personalisation.visit_time).toBe('15:00');
    const rebedded = await tablet.send({ type: 'change', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 2, fields: { ...fields, time: '15:00', bed: '14' } });
    expect(rebedded.status).toBe(200);
    const cancelled = await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 3, reason: 'Patient moved' });
    expect(cancelled.status).toBe(200);
    await eventually(names).toEqual(['booked/email', 'booked/sms', 'cancelled/email', 'cancelled/sms', 'changed/email', 'changed/sms']);
    // The nurse's reason may be clinical: it is never sent.
    expect(JSON.stringify(fake.sent())).not.toContain('Patient moved');
  });

  it('starting the visit sends the link, and the link opens the visitor\'s page', async () => {
    const visit = await bookVisit({ visitorEmail: null });
    await eventually(names).toEqual(['booked/sms']);
    clock.at = new Date('2026-11-21T14:20:00Z');
    const signIn = await tablet.signIn(server.demo.wardCode, server.demo.pin);
    const sockets = new CallSockets(server);
    try {
      const ward = await sockets.connect({ cookie: signIn.headers.get('set-cookie')!.split(';')[0]! });
      const room = next(ward, 'room');
      ward.emit('start', { visitId: visit.id });
      await room;
      await eventually(names).toEqual(['booked/sms', 'ready/sms']);
      const link = String(fake.sent().find((n) => messageName(n) === 'ready/sms')!.personalisation.link);
      expect(link.startsWith(`${server.url}/visit/`)).toBe(true);
      expect(await visitorCookie(server, link.split('/visit/')[1]!)).toMatch(/=/);
      // The tablet coming back to the same visit is not a second start.
      const again = await sockets.connect({ cookie: signIn.headers.get('set-cookie')!.split(';')[0]! });
      const roomAgain = next(again, 'room');
      again.emit('start', { visitId: visit.id });
      await roomAgain;
      await settle();
      expect(names()).toEqual(['booked/sms', 'ready/sms']);
    } finally {
      sockets.closeAll();
      clock.at = new Date('2026-11-20T09:00:00Z');
    }
  });

  it('a confirmation still unsent when the visit is cancelled is dropped, and nobody is told of a visit they never heard of', async () => {
    fake.failNext(1, { status: 429 });
    const visit = await bookVisit({ visitorEmail: null });
    await eventually(() => sendRequests().length).toBe(1);
    await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Booked in error' });
    later(600);
    await settle();
    expect(fake.sent()).toEqual([]);
    expect((await messagesOf(visit.id)).contacts).toEqual([]);
  });
});

describe('exactly once when Notify misbehaves', () => {
  afterEach(() => void (clock.at = new Date('2026-11-20T09:00:00Z')));

  it('500, then 201: asks Notify by reference first, then sends once', async () => {
    fake.failNext(1, { status: 500 });
    const visit = await bookVisit({ visitorEmail: null });
    await eventually(() => sendRequests().length).toBe(1);
    expect((await messagesOf(visit.id)).contacts[0]!.state).toBe('waiting');
    later(6);
    await eventually(names).toEqual(['booked/sms']);
    expect(sendRequests()).toHaveLength(2);
    expect(lookups()).toHaveLength(1);
  });

  it('429: waits its backoff, then sends, without asking first (Notify made nothing)', async () => {
    fake.failNext(1, { status: 429 });
    await bookVisit({ visitorEmail: null });
    await eventually(() => sendRequests().length).toBe(1);
    await settle();
    expect(sendRequests()).toHaveLength(1);
    later(6);
    await eventually(names).toEqual(['booked/sms']);
    expect(lookups()).toHaveLength(0);
  });

  it('an answer lost after Notify took the message: found by its reference, never sent again', async () => {
    fake.acceptThenDropConnection(1);
    const visit = await bookVisit({ visitorEmail: null });
    await eventually(() => fake.sent().length).toBe(1);
    later(6);
    await eventually(async () => (await messagesOf(visit.id)).contacts[0]?.state).toBe('sent');
    await settle();
    expect(sendRequests()).toHaveLength(1);
    expect(lookups()).toHaveLength(1);
  });

  it('400: shown as not delivered, with the reason in plain words, and not retried', async () => {
    fake.refuseRecipient('07700900124');
    const visit = await bookVisit({ visitorMobile: '07700 900124', visitorEmail: null });
    await eventually(async () => (await messagesOf(visit.id)).contacts[0]?.state).toBe('not-delivered');
    expect((await messagesOf(visit.id)).contacts[0]!.reason).toMatch(/trial mode/);
    later(600);
    await settle();
    expect(sendRequests()).toHaveLength(1);
  });
});

describe('delivery', () => {
  it('follows each message to delivered, or not delivered with why', async () => {
    const visit = await bookVisit();
    await eventually(names).toHaveLength(2);
    const text = fake.sent().find((n) => n.type === 'sms')!;
    const email = fake.sent().find((n) => n.type === 'email')!;
    fake.deliver(text.id);
    fake.fail(email.id, 'permanent-failure');
    later(4);
    await eventually(async () => (await messagesOf(visit.id)).contacts.map((c) => c.state)).toEqual(['delivered', 'not-delivered']);
    expect((await messagesOf(visit.id)).contacts[1]!.reason).toMatch(/email address does not exist/);
  });
});
