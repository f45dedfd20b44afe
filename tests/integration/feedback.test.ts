import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitsTable } from '../../src/server/store/schema.js';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import { useServer } from '../helpers/use-server.js';
import { CallSockets, next, visitorInCall, visitWithLink, type LinkedVisit } from './call-sockets.js';
import { useTestClock } from '../helpers/test-clock.js';

/** "How was your visit?" from the visitor's end page, kept only as counts. */

const ALREADY_GIVEN = 'Thank you, feedback for this visit has already been given.';

let sockets: CallSockets;
let linked: LinkedVisit;
/** The visitor's page, holding the visitor session it swapped the link's token for while the link was open. */
let visitor: ApiClient;

const clock = useTestClock();
const server = useServer({ now: clock.now }, { perTest: true });
beforeEach(async () => {
  sockets = new CallSockets(server);
  linked = await visitWithLink(server, (at) => (clock.at = at));
  visitor = await visitorPage(linked.token);
});
afterEach(async () => {
  sockets.closeAll();
});

const FEEDBACK = '/api/visitor-session/feedback';
const give = (answer: unknown, page = visitor) => page.request('POST', FEEDBACK, { answer });

async function visitorPage(token: string): Promise<ApiClient> {
  const page = new ApiClient(server.url);
  expect((await page.openVisit(token)).status).toBe(200);
  return page;
}
const counts = () => server.db.selectFrom('feedback_counts').selectAll().orderBy('answer').execute();

/** Sets what the relay would have recorded of the visit's call. */
async function callWas(fields: Partial<Pick<VisitsTable, 'status' | 'connected_at' | 'ended_at'>>) {
  await server.db.updateTable('visits').set(fields).where('id', '=', linked.visit.id).execute();
}
const ENDED = { status: 'completed', connected_at: '2026-11-21T14:21:00.000Z', ended_at: '2026-11-21T14:51:00.000Z' };

describe('feedback after a call', () => {
  // Hazard H11: personal data is deleted on time and never logged
  it('counts an answer for the ward and day, with nothing that leads back to the visit', async () => {
    clock.at = new Date('2026-11-21T14:21:00Z');
    const { ward, visitor } = await visitorInCall(sockets, linked);
    clock.at = new Date('2026-11-21T14:51:00Z');
    const ended = next(visitor, 'ended');
    ward.emit('end', {});
    await ended;

    const answer = await give('good');
    expect(answer.status).toBe(204);
    expect(answer.body).toBeNull();
    const rows = await counts();
    expect(rows).toEqual([{ ward_id: expect.any(String), day: '2026-11-21', answer: 'good', count: 1 }]);
    const visit = await server.db.selectFrom('visits').selectAll().where('id', '=', linked.visit.id).executeTakeFirstOrThrow();
    expect(visit.feedback_given).toBe(1);
    expect(visit.version).toBe(4); // booked, ready, in progress, completed: feedback is not a change to the visit
  });

  it('takes up to three answers a visit, one for each visitor device, then thanks the fourth', async () => {
    await callWas(ENDED);
    for (const answer of ['good', 'very-poor', 'good']) expect((await give(answer)).status).toBe(204);
    const fourth = await give('very-good');
    expect(fourth.status).toBe(409);
    expect(fourth.body.error).toEqual({ code: 'conflict', message: ALREADY_GIVEN });
    expect((await counts()).map((row) => [row.answer, row.count])).toEqual([
      ['good', 2],
      ['very-poor', 1],
    ]);
  });

  it('cannot pass three answers when they arrive at once', async () => {
    await callWas(ENDED);
    const answers = await Promise.all(Array.from({ length: 6 }, () => give('neither')));
    expect(answers.map((a) => a.status).sort()).toEqual([204, 204, 204, 409, 409, 409]);
    expect((await counts()).map((row) => row.count)).toEqual([3]);
  });

  it('is open during a call still going, as one of several visitors may have left it', async () => {
    await callWas({ status: 'in-progress', connected_at: '2026-11-21T14:21:00.000Z' });
    expect((await give('very-good')).status).toBe(204);
  });

  it('counts on the hospital-local day of the visit', async () => {
    // 00:30 British Summer Time on 1 July is 23:30 UTC on 30 June.
    const tablet = await signedInDemoWard(server);
    const summer = (await tablet.send(book({ date: '2027-07-01', time: '00:30' }))).body.visits[0]!;
    expect(summer.startsAt).toBe('2027-06-30T23:30:00.000Z');
    const token = (await tablet.request('GET', `/api/visits/${summer.id}/join-link`)).body.url.split('/visit/')[1];
    clock.at = new Date('2027-06-30T23:25:00Z');
    const summerVisitor = await visitorPage(token);
    await server.db.updateTable('visits').set({ ...ENDED, connected_at: summer.startsAt, ended_at: summer.startsAt }).where('id', '=', summer.id).execute();
    clock.at = new Date('2027-07-01T01:00:00Z');
    expect((await give('good', summerVisitor)).status).toBe(204);
    expect((await counts()).map((row) => row.day)).toEqual(['2027-07-01']);
  });
});

describe('feedback refused, in plain words, counting nothing', () => {
  it('before the visit has been in a call', async () => {
    const neverConnected = [{ status: 'booked' }, { status: 'ready' }, { status: 'completed', ended_at: ENDED.ended_at }, { status: 'cancelled' }, { status: 'missed' }];
    for (const state of neverConnected) {
      await callWas({ connected_at: null, ended_at: null, ...state });
      const answer = await give('good');
      expect(answer.status, state.status).toBe(409);
      expect(answer.body.error).toEqual({ code: 'not_allowed', message: 'You can give feedback once your call with the ward has started.' });
    }
    expect(await counts()).toEqual([]);
  });

  it('more than 24 hours after the call ended', async () => {
    // The visitor session outlives a call that ended a day ago only here; the rule holds anyway.
    await callWas({ status: 'completed', connected_at: '2026-11-20T13:50:00.000Z', ended_at: '2026-11-20T14:20:00.000Z' });
    expect((await give('poor')).status).toBe(204);
    clock.at = new Date('2026-11-21T14:20:01Z');
    const late = await give('poor');
    expect(late.status).toBe(410);
    expect(late.body.error).toEqual({ code: 'link_closed', message: 'Feedback for this visit has closed. It can be given for 24 hours after the call.' });
    expect((await counts()).map((row) => row.count)).toEqual([1]);
  });

  it('without a visitor session, with a made-up one, or once it has expired', async () => {
    await callWas(ENDED);
    const stranger = new ApiClient(server.url);
    for (const cookie of [undefined, `wvv_visitor=${'x'.repeat(43)}`, 'wvv_visitor=%3Cscript%3E']) {
      const answer = await stranger.request('POST', FEEDBACK, { answer: 'good' }, cookie ? { cookie } : {});
      expect(answer.status, cookie).toBe(401);
      expect(answer.body.error).toEqual({ code: 'not_joined', message: 'Open the link the ward sent you again to get back to your visit.' });
    }
    clock.at = new Date('2026-11-21T18:20:00Z'); // 4 hours after the page swapped its token
    expect((await give('good')).status).toBe(401);
    expect(await counts()).toEqual([]);
  });

  it('for an answer that is not one of the five, or a body that is not one', async () => {
    await callWas(ENDED);
    const client = visitor;
    const path = FEEDBACK;
    for (const body of [{ answer: 'great' }, {}, { answer: 'good', name: 'Sam Example' }, ['good'], { answer: 5 }, '{"answer":']) {
      const answer = await client.request('POST', path, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_request');
      expect(answer.body.error.message).toMatch(/^[A-Z].+\.$/);
    }
    expect((await client.request('POST', path, 'answer=good', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect(await counts()).toEqual([]);
    expect((await give('good')).status).toBe(204);
  });

  it('and never writes the link into the logs', async () => {
    await callWas(ENDED);
    await give('good');
    await new ApiClient(server.url).openVisit('x'.repeat(43));
    const logs = server.logLines.join('\n');
    expect(logs).toContain(FEEDBACK);
    expect(logs).not.toContain(linked.token);
    expect(logs).not.toContain(visitor.cookieHeader.split('=')[1]);
  });
});
