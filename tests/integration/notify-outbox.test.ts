import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitMessages } from '../../src/shared/index.js';
import { loadConfig } from '../../src/server/config.js';
import { runRetention } from '../../src/server/jobs/retention.js';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import { columnsHolding, filesHolding } from '../helpers/db-search.js';
import { messageName } from '../helpers/notify-env.js';
import { startServer } from '../helpers/server.js';
import { CallSockets, next, visitorCookie } from './call-sockets.js';
import { hospitalTomorrow } from '../helpers/hospital-time.js';
import { TEST_MORNING, testClock } from '../helpers/test-clock.js';
import { useServerWithNotify } from '../helpers/use-notify-server.js';

/**
 * The message outbox end to end: the real server, the real notifications-node-client, and a
 * fake GOV.UK Notify that speaks its API. The server's clock is movable, so a retry's backoff
 * can pass at once; Notify's own clock (the JWT's iat) stays real.
 */

const MOBILE = '07700 900123';
const EMAIL = 'sam@example.com';

let tablet: ApiClient;
const clock = testClock();
const later = (seconds: number) => void (clock.at = new Date(clock.at.getTime() + seconds * 1000));

const { server, fake } = useServerWithNotify({ now: clock.now });
beforeEach(async () => {
  fake.reset();
  tablet = await signedInDemoWard(server);
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

/** A visit booked with a mobile, its confirmation sent, then started by a tablet at its time. */
async function startedVisit() {
  const visit = await bookVisit({ visitorEmail: null });
  await eventually(names).toEqual(['booked/sms']);
  clock.at = new Date('2026-11-21T14:20:00Z');
  const signIn = await tablet.signIn(server.demo.wardCode, server.demo.pin);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const sockets = new CallSockets(server);
  const startAgain = async () => {
    const ward = await sockets.connect({ cookie });
    const room = next(ward, 'room');
    ward.emit('start', { visitId: visit.id });
    await room;
  };
  await startAgain();
  return {
    visit,
    startAgain,
    close() {
      sockets.closeAll();
      clock.at = new Date(TEST_MORNING);
    },
  };
}

describe('which messages go', () => {
  // Hazard H09: the family is told the visit is starting, exactly once
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

  // Hazard H04: the family hears of a change or cancellation
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

  // Hazard H09: the family is told the visit is starting, exactly once
  it('starting the visit sends the link, and the link opens the visitor\'s page', async () => {
    const started = await startedVisit();
    try {
      await eventually(names).toEqual(['booked/sms', 'ready/sms']);
      const link = String(fake.sent().find((n) => messageName(n) === 'ready/sms')!.personalisation.link);
      expect(link.startsWith(`${server.url}/visit/`)).toBe(true);
      expect(await visitorCookie(server, link.split('/visit/')[1]!)).toMatch(/=/);
      // The tablet coming back to the same visit is not a second start.
      await started.startAgain();
      await settle();
      expect(names()).toEqual(['booked/sms', 'ready/sms']);
    } finally {
      started.close();
    }
  });

  it('a repeat booking is confirmed once for all its days; a later day cancelled is still told', async () => {
    const answer = await tablet.send(book({ date: '2026-11-21', time: '14:30', visitorMobile: MOBILE, visitorEmail: null, repeatDays: 3 }));
    expect(answer.status).toBe(200);
    await eventually(names).toEqual(['booked/sms']);
    expect(fake.sent()[0]!.personalisation).toMatchObject({ visit_count: '3', repeats: 'yes', visit_date: 'Saturday 21 November', last_visit_date: 'Monday 23 November' });
    const third = answer.body.visits[2]!;
    await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: third.id, baseVersion: 1, reason: 'Discharged' });
    await eventually(names).toEqual(['booked/sms', 'cancelled/sms']);
    expect(fake.sent()[1]!.personalisation.visit_date).toBe('Monday 23 November');
  });

  // Hazard H04: the family hears of a change or cancellation
  it('a confirmation still unsent when the visit is cancelled is dropped, and nobody is told of a visit they never heard of', async () => {
    fake.failNext(1, { status: 429 });
    const visit = await bookVisit({ visitorEmail: null });
    await eventually(() => sendRequests().length).toBe(1);
    await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Booked in error' });
    later(600);
    await settle();
    expect(fake.sent()).toEqual([]);
    // A day on, the shift's session is long over.
    await tablet.signIn(server.demo.wardCode, server.demo.pin);
    expect((await messagesOf(visit.id)).contacts).toEqual([]);
  });
});

describe('exactly once when Notify misbehaves', () => {
  afterEach(() => void (clock.at = new Date(TEST_MORNING)));

  // Hazard H09: the family is told the visit is starting, exactly once
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

  // Hazard H09: the family is told the visit is starting, exactly once
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

  // Hazard H09: the family is told the visit is starting, exactly once
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
  // Hazard H09: the family is told the visit is starting, exactly once
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

describe('Send the link again', () => {
  const resend = (visitId: string, body: unknown) => tablet.request<VisitMessages & { error: { code: string; message: string } }>('POST', `/api/visits/${visitId}/messages/resend`, body);

  // Hazard H09: the family is told the visit is starting, exactly once
  it('sends the link once per tap, a double tap once, and at most 3 times a visit', async () => {
    const started = await startedVisit();
    try {
      await eventually(names).toEqual(['booked/sms', 'ready/sms']);
      const key = crypto.randomUUID();
      const [tap, doubleTap] = await Promise.all([resend(started.visit.id, { key }), resend(started.visit.id, { key })]);
      expect([tap.status, doubleTap.status]).toEqual([200, 200]);
      await eventually(names).toEqual(['booked/sms', 'ready/sms', 'ready/sms']);
      expect((await resend(started.visit.id, { key })).body.resendsLeft).toBe(2);
      for (const left of [1, 0]) {
        await eventually(async () => (await messagesOf(started.visit.id)).contacts[0]?.state).toBe('sent');
        expect((await resend(started.visit.id, { key: crypto.randomUUID() })).body.resendsLeft).toBe(left);
      }
      const refused = await resend(started.visit.id, { key: crypto.randomUUID() });
      expect(refused.status).toBe(429);
      expect(refused.body.error.message).toBe('The link has been sent again 3 times for this visit. Share it yourself, or phone the visitor.');
      await settle();
      expect(names().filter((name) => name === 'ready/sms')).toHaveLength(4);
    } finally {
      started.close();
    }
  });

  it('is refused in plain words before the visit starts, for bad input, and for another ward\'s visit', async () => {
    const visit = await bookVisit();
    const early = await resend(visit.id, { key: crypto.randomUUID() });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/^The link is sent when you start the visit/);
    for (const body of ['{"key":', { key: 'not-a-uuid' }, { key: crypto.randomUUID(), extra: '<b>x</b>' }, [], null]) {
      const answer = await resend(visit.id, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.message).toMatch(/\w/);
    }
    const huge = await resend(visit.id, { key: 'x'.repeat(2_000_000) });
    expect(huge.status).toBe(413);
    expect((await resend(crypto.randomUUID(), { key: crypto.randomUUID() })).status).toBe(404);
    expect((await tablet.request('GET', '/api/visits/not-an-id/messages')).status).toBe(404);
    const otherWard = new ApiClient(server.url);
    await server.addWard('OTHER1', '246810');
    await otherWard.signIn('OTHER1', '246810');
    expect((await otherWard.request('GET', `/api/visits/${visit.id}/messages`)).status).toBe(404);
    expect((await otherWard.request('POST', `/api/visits/${visit.id}/messages/resend`, { key: crypto.randomUUID() })).status).toBe(404);
    await settle();
    expect(names().filter((name) => name.startsWith('ready'))).toEqual([]);
  });
});

describe('personal data', () => {
  afterEach(() => void (clock.at = new Date(TEST_MORNING)));

  // Hazard H11: no number, address, name or link outlives retention or reaches a log
  it('retention deletes the numbers and addresses messages went to, with the visit; what a message said was never stored', async () => {
    const visit = await bookVisit({ patientName: 'Ottoline Quillfeather', visitorMobile: '07700 900555', visitorEmail: 'jo.marchbanks@example.org' });
    await eventually(names).toHaveLength(2);
    expect((await columnsHolding(server.db, '07700900555')).sort()).toEqual(['idempotency_keys.response_body', 'messages.recipient', 'visits.visitor_mobile']);
    expect((await columnsHolding(server.db, 'jo.marchbanks@')).sort()).toEqual(['idempotency_keys.response_body', 'messages.recipient', 'visits.visitor_email']);
    expect((await columnsHolding(server.db, 'Ottoline')).sort()).toEqual(['idempotency_keys.response_body', 'visits.patient_name']);
    await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Moved ward' });
    clock.at = new Date(clock.at.getTime() + 25 * 3_600_000);
    await runRetention({ config: loadConfig({ NODE_ENV: 'test' }, process.cwd()), db: server.db, now: clock.now });
    for (const needle of ['07700900555', 'jo.marchbanks@', 'Ottoline']) {
      expect(await columnsHolding(server.db, needle), needle).toEqual([]);
      // On disk: SQLite's files only, this part cannot apply to PostgreSQL (see filesHolding).
      if (server.database === 'sqlite') expect(filesHolding(server.dataDir, needle), needle).toEqual([]);
    }
    // A day on, the shift's session is long over.
    await tablet.signIn(server.demo.wardCode, server.demo.pin);
    expect((await messagesOf(visit.id)).contacts).toEqual([]);
  });

  // Hazard H11: no number, address, name or link outlives retention or reaches a log
  it('wrote no number, email address, name or link to any log line of the whole run', () => {
    // Without pino's timings and clock: a response time such as 2.6170770000026096 would
    // match '07700' by chance (it did once, on the PostgreSQL run).
    const log = server.logLines.join('\n').replace(/"(responseTime|time)":[\d.e+-]+/g, '');
    expect(log).toMatch(/GOV.UK Notify refused a message/);
    for (const needle of ['07700', '0770090', 'example.com', 'example.org', 'Alex Example', 'Sam Example', 'Quillfeather', '/visit/']) {
      expect(log, needle).not.toContain(needle);
    }
  });
});

describe('without Notify set up', () => {
  it('writes no message, says so, and refuses "Send the link again" in plain words', async () => {
    const plain = await startServer();
    try {
      const nurse = new ApiClient(plain.url);
      const session = await nurse.signIn(plain.demo.wardCode, plain.demo.pin);
      expect(session.body.messaging).toBe(false);
      const visit = (await nurse.send(book({ date: hospitalTomorrow(), visitorEmail: EMAIL }))).body.visits[0]!;
      expect(await plain.db.selectFrom('messages').selectAll().execute()).toEqual([]);
      expect((await nurse.request<VisitMessages>('GET', `/api/visits/${visit.id}/messages`)).body).toEqual({ enabled: false, contacts: [], canResend: false, resendsLeft: 3 });
      const refused = await nurse.request('POST', `/api/visits/${visit.id}/messages/resend`, { key: crypto.randomUUID() });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe('Text and email messages are not set up. Share the link yourself.');
    } finally {
      await plain.close();
    }
  });
});
