import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { addDays, type Visit } from '../../src/shared/index.js';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import { expectAccessibleAt, VIEWPORTS } from '../helpers/browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { openTablet, type Tablet } from '../helpers/tablet.js';
import { dayHeading } from '../../src/app/list-rows.js';
import { CallSockets, next, visitorCookie } from '../integration/call-sockets.js';
import { hospitalClockIn } from '../helpers/hospital-time.js';

/**
 * The visit list on a real Chromium tablet: compact rows a day, the next visit counting down,
 * what can start now set apart from what is hours away and from what is cancelled, and live
 * presence from the relay on the ward's second tablet. The other tablet and the visitor are
 * socket.io clients speaking the relay's protocol, as the call screen and the visitor's page
 * do: what is under test here is relay → ward socket → list, and those pages are proved by
 * the call tests (and are being changed by others).
 */

/** The promise: a nurse on the other tablet sees a waiting visitor within 2 seconds. */
const PRESENCE_SHOWN_WITHIN_MS = 2_000;
const MINUTE_MS = 60_000;

let tablet: Tablet;
let api: ApiClient;
let sockets: CallSockets;
const booked: Record<string, Visit> = {};

/** The hospital's date and time this many minutes from now, as the booking form takes them. */
const local = hospitalClockIn;

async function bookAt(patientName: string, when: { date: string; time: string }, extra: { repeatDays?: number; visitorName?: string } = {}) {
  const answer = await api.send(book({ patientName, date: when.date, time: when.time, ...extra }));
  expect(answer.status).toBe(200);
  booked[patientName] = answer.body.visits[0]!;
}

/** A visit's row, on whichever tab it is (near midnight "in 10 minutes" is tomorrow). */
async function row(page: Page, patientName: string): Promise<Locator> {
  for (const tab of ['Today', 'Upcoming'] as const) {
    await page.getByRole('tab', { name: tab }).click();
    const found = page.getByRole('tabpanel', { name: tab }).locator('.app-visit-row', { hasText: patientName });
    if ((await found.count()) > 0) return found;
  }
  throw new Error(`No row for ${patientName}`);
}

const server = useServer();
const browser = useBrowser();
beforeAll(async () => {
  api = await signedInDemoWard(server);
  sockets = new CallSockets(server);
  await bookAt('Patricia Presence', local(11), { visitorName: 'Peter Smith' });
  await bookAt('Harold Later', local(3 * 60));
  await bookAt('Connie Cancelled', local(2 * 60));
  const cancelled = booked['Connie Cancelled']!;
  await api.send({ type: 'cancel', key: crypto.randomUUID(), visitId: cancelled.id, baseVersion: cancelled.version, reason: 'Patient is unwell' });
  await bookAt('Rita Repeat', { date: addDays(local(0).date, 1), time: '11:00' }, { repeatDays: 3 });
  tablet = await openTablet(browser, server, { serviceWorkers: 'block' });
});

afterAll(async () => {
  sockets?.closeAll();
});

describe('the visit list', () => {
  it('marks the next visit with the time until it starts, and sets apart what can start now and what is cancelled', async () => {
    const { page } = tablet;
    // Each row is read while its tab is shown: near midnight the later rows are on Upcoming, and
    // a hidden tab's rows cannot be found by role.
    const facts = async (patientName: string) => {
      const found = await row(page, patientName);
      return {
        text: await found.innerText(),
        className: (await found.getAttribute('class')) ?? '',
        background: await found.evaluate((element) => getComputedStyle(element).backgroundColor),
      };
    };
    const next = await facts('Patricia Presence');
    expect(next.text).toMatch(/Next, in 1[01] minutes/);
    expect(next.text).toContain('Can start now');
    expect(next.className).toContain('app-visit-row--can-start');

    const later = await facts('Harold Later');
    expect(later.text).not.toContain('Can start now');
    expect(later.text).not.toContain('Next');
    expect(later.className).toContain('app-visit-row--later');
    // Different to look at, not only in words: the row that can start now is coloured.
    expect(next.background).not.toBe(later.background);

    const cancelled = await facts('Connie Cancelled');
    expect(cancelled.text).toContain('Cancelled');
    expect(cancelled.className).toContain('app-visit-row--closed');
    expect(cancelled.background).not.toBe(later.background);
    expect(cancelled.background).not.toBe(next.background);

    await (await row(page, 'Patricia Presence')).waitFor();
    await expectAccessibleAt(page, 'visit-list-rows', VIEWPORTS);
  });

  it('puts repeat visits under their days', async () => {
    const { page } = tablet;
    await page.getByRole('tab', { name: 'Upcoming' }).click();
    const upcoming = page.getByRole('tabpanel', { name: 'Upcoming' });
    const today = local(0).date;
    for (const day of [1, 2, 3].map((n) => addDays(today, n))) {
      const caption = dayHeading(day, today);
      const table = upcoming.locator('table', { has: page.locator('caption', { hasText: caption }) });
      expect(await table.locator('.app-visit-row', { hasText: 'Rita Repeat' }).count(), caption).toBe(1);
    }
    expect(await upcoming.locator('caption').first().innerText()).toMatch(/^Tomorrow, \w+day \d+ \w+$/);
    await expectAccessibleAt(page, 'visit-list-upcoming-days', VIEWPORTS);
  });

  it("shows a visitor's presence on the ward's other tablet as it changes, pushed without a reload", async () => {
    const { page } = tablet;
    const visit = booked['Patricia Presence']!;
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });
    const presenceOf = async () => (await row(page, 'Patricia Presence')).locator('.app-presence').allInnerTexts();
    const link: string = (await api.request('GET', `/api/visits/${visit.id}/join-link`)).body.url;
    const token = link.split('/visit/')[1]!;

    // The relative opens the link and is still on the camera check: the visit is not started.
    const cookie = await visitorCookie(server, token);
    await expect.poll(presenceOf).toEqual([expect.stringMatching(/^Opened the link at \d\d:\d\d$/)]);

    // The ward's other tablet presses "Start visit"; the relative joins and waits.
    const otherTablet = await sockets.connect({ cookie: api.cookieHeader });
    const room = next(otherTablet, 'room');
    otherTablet.emit('start', { visitId: visit.id });
    await room;
    await (await row(page, 'Patricia Presence')).getByText('Started: waiting for the visitor').waitFor();
    const visitor = await sockets.connect({ visitorCookie: cookie });
    const arrived = next(otherTablet, 'participant');
    visitor.emit('join', { name: 'Peter Smith' });
    const { id: participantId } = await arrived;
    await page
      .locator('.app-presence--waiting')
      .getByText(/^Peter Smith is waiting \(since \d\d:\d\d\)$/)
      .waitFor({ timeout: PRESENCE_SHOWN_WITHIN_MS });
    expect(await presenceOf()).toEqual([expect.stringMatching(/^Peter Smith is waiting \(since \d\d:\d\d\)$/)]);
    await expectAccessibleAt(page, 'visit-list-visitor-waiting', VIEWPORTS);

    otherTablet.emit('admit', { participantId });
    await expect.poll(presenceOf).toEqual(['Peter Smith is being checked by staff']);
    otherTablet.emit('checked', { participantId });
    await expect.poll(presenceOf).toEqual(['Peter Smith is in the call']);
    visitor.emit('leave', {});
    await expect.poll(presenceOf).toEqual([expect.stringMatching(/^Peter Smith left at \d\d:\d\d$/)]);
    // All of it came over the socket: the tablet asked the server for nothing.
    expect(apiCalls).toEqual([]);
  });

  it('counts down to the next visit by itself', async () => {
    const { page } = tablet;
    const countdown = async () => (await (await row(page, 'Harold Later')).locator('.app-visit-row__when', { hasText: 'Next' }).innerText()).replace('Next, in ', '');
    // Patricia's visit has started, so Harold's is next; then the tablet's clock moves on an hour.
    await expect.poll(countdown).toMatch(/^2 hours|^3 hours/);
    const before = (await countdown())!;
    await page.clock.setFixedTime(new Date(Date.now() + 60 * MINUTE_MS));
    await expect.poll(countdown, { timeout: 20_000 }).not.toBe(before);
    expect(await countdown()).toMatch(/^1 hour|^2 hours/);
  });
});
