import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordCallStep } from '../../src/server/store/visits.js';
import { MAX_FEEDBACK_PER_VISIT } from '../../src/shared/index.js';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import { columnsHolding } from '../helpers/db-search.js';
import { startServer } from '../helpers/server.js';
import { useServer } from '../helpers/use-server.js';
import { useTestClock } from '../helpers/test-clock.js';

let tablet: ApiClient;
const MINUTE = 60_000;

const clock = useTestClock();
const server = useServer({ now: clock.now }, { perTest: true });
beforeEach(async () => {
  tablet = await signedInDemoWard(server);
});

/** Books a visit on 21 November at 14:30 (GMT) and answers it with its join link's token. */
async function bookedWithLink(patientName = 'Alex Example') {
  const visit = (await tablet.send(book({ patientName, date: '2026-11-21', time: '14:30' }))).body.visits[0]!;
  const link = await tablet.request('GET', `/api/visits/${visit.id}/join-link`);
  expect(link.status).toBe(200);
  const token = /\/visit\/([A-Za-z0-9_-]+)$/.exec(link.body.url)![1]!;
  return { visit, url: link.body.url as string, token };
}

const visitor = () => new ApiClient(server.url);

describe('join links for staff to share', () => {
  // Hazard H01: nobody joins a call until the ward checks and admits them
  it('is a link to /visit/ with a 256-bit token, the same each time it is asked for', async () => {
    const { url, token, visit } = await bookedWithLink();
    expect(url.startsWith(`${server.url}/visit/`)).toBe(true);
    expect(token).toHaveLength(43);
    expect((await tablet.request('GET', `/api/visits/${visit.id}/join-link`)).body.url).toBe(url);
  });

  it("is not given for another ward's visit, or to anyone not signed in", async () => {
    const { visit } = await bookedWithLink();
    await server.addWard('WARD2', '654321');
    const otherWard = new ApiClient(server.url);
    await otherWard.signIn('WARD2', '654321');
    expect((await otherWard.request('GET', `/api/visits/${visit.id}/join-link`)).status).toBe(404);
    expect((await visitor().request('GET', `/api/visits/${visit.id}/join-link`)).status).toBe(401);
  });

  it('is stored only as a hash, and keeps working after a restart', async () => {
    const { token } = await bookedWithLink();
    const row = await server.db.selectFrom('visits').select('join_token_hash').executeTakeFirstOrThrow();
    expect(row.join_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await columnsHolding(server.db, token)).toEqual([]);
    await server.stop();
    // On disk: SQLite's files only, this part cannot apply to PostgreSQL (see filesHolding).
    const files = server.database === 'sqlite' ? ['ward-visits.sqlite', 'ward-visits.sqlite-wal'] : [];
    for (const file of files) {
      const bytes = (() => {
        try {
          return readFileSync(join(server.dataDir, file), 'latin1');
        } catch {
          return '';
        }
      })();
      expect(bytes.includes(token)).toBe(false);
    }
    const restarted = await startServer({ now: () => clock.at, dataDir: server.dataDir });
    expect((await new ApiClient(restarted.url).openVisit(token)).status).toBe(200);
    await restarted.close();
  });
});

describe('what a visitor opening the link is told', () => {
  // Hazard H04: the visit list and the family's link show the current visit
  // Hazard H09: the ward can share the link and sees whether the family is there
  it('a link opened days early says when to come back, and names no one', async () => {
    const { token } = await bookedWithLink('Zebedee Quarrington');
    const answer = await visitor().openVisit(token);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      state: 'too-early',
      hospital: 'Demo General Hospital',
      ward: 'Demo ward',
      wardPhone: '020 7946 0000',
      startsAt: '2026-11-21T14:30:00.000Z',
      lengthMinutes: 30,
      opensAt: '2026-11-21T14:15:00.000Z',
      timeZone: 'Europe/London',
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/Zebedee|Sam Example|07700/);
  });

  // Hazard H08: a forwarded link lets nobody in by itself
  // Hazard H22: a visit the ward missed closes in words and can be rebooked
  it('opens 15 minutes before the visit, and closes 30 minutes after a slot never started', async () => {
    const { token } = await bookedWithLink();
    clock.at = new Date(Date.parse('2026-11-21T14:15:00Z') - MINUTE);
    expect((await visitor().openVisit(token)).body.state).toBe('too-early');
    clock.at = new Date('2026-11-21T14:15:00Z');
    expect((await visitor().openVisit(token)).body.state).toBe('open');
    clock.at = new Date('2026-11-21T15:30:00Z');
    expect((await visitor().openVisit(token)).body.state).toBe('open');
    clock.at = new Date(Date.parse('2026-11-21T15:30:00Z') + MINUTE);
    const ended = await visitor().openVisit(token);
    expect(ended.status).toBe(410);
    expect(ended.body.error.message).toBe('This visit has ended. Contact the ward if you would like to book another.');
  });

  it("a cancelled visit's link is dead, and says when the visit was and the ward's phone number, but not why", async () => {
    const { token, visit } = await bookedWithLink();
    await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Patient is unwell' });
    const answer = await visitor().openVisit(token);
    expect(answer.status).toBe(410);
    expect(answer.body.error).toEqual({
      code: 'link_closed',
      message: 'This visit has been cancelled. Contact the ward if you would like to book another.',
      closedVisit: {
        state: 'cancelled',
        hospital: 'Demo General Hospital',
        ward: 'Demo ward',
        wardPhone: '020 7946 0000',
        startsAt: '2026-11-21T14:30:00.000Z',
        timeZone: 'Europe/London',
        feedbackOpen: false,
      },
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/unwell|Alex|Sam/);
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it("an ended visit's link names the ward, and a ward with no phone number says none", async () => {
    await server.addWard('WARD2', '654321', 'Birch ward');
    const birch = new ApiClient(server.url);
    await birch.signIn('WARD2', '654321');
    const visit = (await birch.send(book({ date: '2026-11-21', time: '14:30' }))).body.visits[0]!;
    const token = /\/visit\/([A-Za-z0-9_-]+)$/.exec((await birch.request('GET', `/api/visits/${visit.id}/join-link`)).body.url)![1]!;
    clock.at = new Date('2026-11-21T16:00:00Z');
    const answer = await visitor().openVisit(token);
    expect(answer.status).toBe(410);
    expect(answer.body.error.closedVisit).toEqual({
      state: 'ended',
      hospital: 'Other hospital',
      ward: 'Birch ward',
      wardPhone: null,
      startsAt: '2026-11-21T14:30:00.000Z',
      timeZone: 'Europe/London',
      feedbackOpen: false,
    });
  });

  it('a reload after the call still offers the feedback question, until the visit has all its answers', async () => {
    const { token, visit } = await bookedWithLink();
    clock.at = new Date('2026-11-21T14:30:00Z');
    const page = visitor();
    await page.openVisit(token);
    const { ward_id } = await server.db.selectFrom('visits').select('ward_id').where('id', '=', visit.id).executeTakeFirstOrThrow();
    for (const step of ['start', 'connect', 'end'] as const) await recordCallStep(server.db, ward_id, visit.id, step, clock.at);
    const reloaded = await page.request('GET', '/api/visitor-session');
    expect(reloaded.status).toBe(410);
    expect(reloaded.body.error.closedVisit).toMatchObject({ state: 'ended', ward: 'Demo ward', feedbackOpen: true });
    // The link opened afresh (another phone, no session) has no question to offer.
    expect((await visitor().openVisit(token)).body.error.closedVisit.feedbackOpen).toBe(false);

    for (let answer = 0; answer < MAX_FEEDBACK_PER_VISIT; answer += 1) {
      expect((await page.request('POST', '/api/visitor-session/feedback', { answer: 'good' })).status).toBe(204);
    }
    expect((await page.request('GET', '/api/visitor-session')).body.error.closedVisit.feedbackOpen).toBe(false);
  });

  // Hazard H01: nobody joins a call until the ward checks and admits them
  it("a made-up, shortened or altered token finds nothing, and one visit's token is not another's", async () => {
    const first = await bookedWithLink();
    const second = await bookedWithLink();
    expect(first.token).not.toBe(second.token);
    const altered = `${first.token.slice(0, -1)}${first.token.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [altered, first.token.slice(0, 20), 'x'.repeat(43), '%3Cscript%3E']) {
      const answer = await visitor().openVisit(token);
      expect(answer.status, token).toBe(404);
      expect(answer.body.error.code).toBe('link_not_found');
    }
  });

  it('never writes a token into the logs', async () => {
    const { token } = await bookedWithLink();
    await visitor().openVisit(token);
    await visitor().request('GET', `/visit/${token}`);
    await visitor().request('GET', `/api/join/${token}`);
    const logs = server.logLines.join('\n');
    expect(logs).toContain('/visit/[token]');
    expect(logs).not.toContain(token);
  });
});

describe('the visitor session the page swaps its token for', () => {
  it('is an HttpOnly, SameSite=Strict cookie of a few hours that brings the same page back after a reload', async () => {
    const { token } = await bookedWithLink();
    clock.at = new Date('2026-11-21T14:20:00Z');
    const page = visitor();
    const opened = await page.openVisit(token);
    const cookie = opened.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^wvv_visitor=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(Date.parse(/Expires=([^;]+)/.exec(cookie)![1]!)).toBe(Date.parse('2026-11-21T18:20:00Z'));
    const reloaded = await page.request('GET', '/api/visitor-session');
    expect(reloaded.status).toBe(200);
    expect(reloaded.body).toEqual(opened.body);
    const row = await server.db.selectFrom('visitor_sessions').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(cookie.split(';')[0]!.split('=')[1]);
  });

  // Hazard H08: a forwarded link lets nobody in by itself
  it('opens nothing of the ward, stops working when the visit is cancelled, and expires', async () => {
    const { token, visit } = await bookedWithLink();
    const page = visitor();
    await page.openVisit(token);
    for (const [method, path] of [['GET', '/api/visits'], ['GET', `/api/visits/${visit.id}`], ['GET', '/api/session'], ['GET', `/api/visits/${visit.id}/join-link`]] as const) {
      expect((await page.request(method, path)).status, path).toBe(401);
    }
    await tablet.send({ type: 'cancel', key: crypto.randomUUID(), visitId: visit.id, baseVersion: 1, reason: 'Patient is unwell' });
    expect((await page.request('GET', '/api/visitor-session')).body.error.code).toBe('link_closed');
    const other = await bookedWithLink();
    const otherPage = visitor();
    await otherPage.openVisit(other.token);
    clock.at = new Date(clock.at.getTime() + 4 * 60 * MINUTE);
    const expired = await otherPage.request('GET', '/api/visitor-session');
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe('Open the link the ward sent you again to get back to your visit.');
  });
});
