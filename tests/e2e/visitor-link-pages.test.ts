import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { instantToLocal } from '../../src/shared/index.js';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import { expectAccessibleAt, VIEWPORTS } from '../helpers/browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { HOSPITAL_TIME_ZONE } from '../helpers/hospital-time.js';

/**
 * The visitor's pages before the camera check, on a server whose clock the test moves: the
 * landing page on a small phone, the too-early page opening by itself, and the pages for a
 * link that no longer works (cancelled, ended, not found). No camera is needed for any of them.
 * The clocks start at the real time: the browser expires its cookies by its own clock.
 */

const MINUTE = 60_000;
const ZONE = HOSPITAL_TIME_ZONE;
/** The start of this minute, so visits booked "in N minutes" start exactly then. */
const START = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
let clock = START;
const later = (minutes: number) => new Date(START.getTime() + minutes * MINUTE);
/** "14:30" and "Friday 20 November" on the hospital's clock, as the page words them. */
const timeAt = (minutes: number) => instantToLocal(later(minutes), ZONE).time;
const dateAt = (minutes: number) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: ZONE }).format(later(minutes));
let demo: ApiClient;

const server = useServer({ now: () => clock });
const browser = useBrowser();
beforeAll(async () => {
  demo = await signedInDemoWard(server);
});

/** Books a visit starting `inMinutes` after START on a ward's tablet and answers its id and link. */
async function bookWithLink(tablet: ApiClient, inMinutes: number, lengthMinutes = 30): Promise<{ id: string; link: string }> {
  const { date, time } = instantToLocal(later(inMinutes), ZONE);
  const answer = await tablet.send(book({ patientName: 'Pages Patient', date, time, lengthMinutes }));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const id = answer.body.visits[0]!.id;
  return { id, link: (await tablet.request('GET', `/api/visits/${id}/join-link`)).body.url };
}

/** A phone opening the link, its own clock set to the server's. */
async function phoneOpening(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  await page.clock.install({ time: clock });
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function headingOf(page: Page): Promise<string> {
  return page.getByRole('heading', { level: 1 }).innerText();
}

/** Seen without scrolling: the whole element is inside the phone's first screen. */
async function onFirstScreen(page: Page, name: string): Promise<boolean> {
  const box = await page.getByRole('button', { name }).boundingBox();
  const scrolled = await page.evaluate(() => window.scrollY);
  return box !== null && scrolled === 0 && box.y >= 0 && box.y + box.height <= VIEWPORTS.phone.height;
}

describe('the landing page', () => {
  it('shows the visit’s time, length and place, what the ward will ask, and the start button on a small phone’s first screen', async () => {
    clock = START;
    const { link } = await bookWithLink(demo, 10, 45);
    const page = await phoneOpening(link);
    expect(await headingOf(page)).toBe('Your video visit');
    const facts = await page.locator('.app-visit-facts').innerText();
    for (const fact of [dateAt(10), `${timeAt(10)} to ${timeAt(55)}`, '45 minutes', 'Demo ward', 'Demo General Hospital']) expect(facts).toContain(fact);
    expect(await page.getByRole('status').innerText()).toContain('You can join now.');
    expect(await page.getByText("someone from the ward will ask you to confirm the patient's full name and date of birth").isVisible()).toBe(true);
    expect(await onFirstScreen(page, 'Check your camera and microphone')).toBe(true);
    expect(await page.getByRole('link', { name: '020 7946 0000' }).getAttribute('href')).toBe('tel:+442079460000');
    expect(await page.locator('body').innerText()).not.toContain('Pages Patient');
    await expectAccessibleAt(page, 'visitor-landing-open', VIEWPORTS);
    await page.context().close();
  });

  // Hazard H04: the visit list and the family's link show the current visit
  it('opened too early, says when to come back and lets the visitor in by itself when the time comes', async () => {
    clock = START;
    const { link } = await bookWithLink(demo, 60, 60);
    const page = await phoneOpening(link);
    const status = page.getByRole('status');
    expect(await status.innerText()).toContain(`You can join from ${timeAt(45)} on ${dateAt(45)}. Keep this page open: it will let you in then.`);
    expect(await page.locator('.app-visit-facts').innerText()).toContain('1 hour');
    expect(await page.getByRole('button', { name: 'Check your camera and microphone' }).count()).toBe(0);
    await expectAccessibleAt(page, 'visitor-landing-too-early', VIEWPORTS);

    // The server's clock reaches the time; the phone's timers run on to it. No reload: the mark stays.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    clock = later(45);
    await page.clock.fastForward('45:00');
    await status.getByText('You can join now.').waitFor();
    expect(await page.getByRole('button', { name: 'Check your camera and microphone' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
    await page.context().close();
  });
});

describe('a link that no longer works', () => {
  // Hazard H04: the visit list and the family's link show the current visit
  it('for a cancelled visit, says so kindly, naming the visit, hospital and ward, with the ward’s phone number to call', async () => {
    clock = START;
    const { id, link } = await bookWithLink(demo, 120);
    await demo.send({ type: 'cancel', key: crypto.randomUUID(), visitId: id, baseVersion: 1, reason: 'Patient moved to Ward 9' });
    const page = await phoneOpening(link);
    expect(await headingOf(page)).toBe('Your visit has been cancelled');
    const text = await page.locator('main').innerText();
    for (const fact of ['The ward has cancelled this video visit', dateAt(120), timeAt(120), 'Demo General Hospital', 'Demo ward']) expect(text).toContain(fact);
    expect(text).toContain('To find out more, or to arrange another visit, phone Demo ward at Demo General Hospital on 020 7946 0000.');
    expect(text).not.toMatch(/Ward 9|Pages Patient/);
    const phone = page.getByRole('link', { name: '020 7946 0000' });
    expect(await phone.first().getAttribute('href')).toBe('tel:+442079460000');
    await expectAccessibleAt(page, 'visitor-link-cancelled', VIEWPORTS);
    await page.context().close();
  });

  it('for a visit whose time has passed, says it has ended; a ward with no phone number is named instead', async () => {
    clock = START;
    await server.addWard('BIRCH', '246813', 'Birch ward');
    const birch = new ApiClient(server.url);
    await birch.signIn('BIRCH', '246813');
    const { link } = await bookWithLink(birch, 10);
    // Its slot, and the half hour after it while a visit never started may still begin.
    clock = later(10 + 30 + 31);
    const page = await phoneOpening(link);
    expect(await headingOf(page)).toBe('This visit has ended');
    const text = await page.locator('main').innerText();
    expect(text).toContain('The time for this video visit has passed, so its link no longer works.');
    expect(text).toContain('If the visit did not happen, or you would like another one, contact Birch ward at Other hospital.');
    expect(await page.getByRole('link', { name: /^0/ }).count()).toBe(0);
    await expectAccessibleAt(page, 'visitor-link-ended', VIEWPORTS);
    await page.context().close();
  });

  it('not known at all, says what to try, naming nothing', async () => {
    const page = await phoneOpening(`${server.url}/visit/${'x'.repeat(43)}`);
    expect(await headingOf(page)).toBe('We cannot find your visit');
    expect(await page.getByText('If you copied the link, check you copied all of it.').isVisible()).toBe(true);
    expect(await page.getByText('ask them to send the link again', { exact: false }).isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).not.toContain('Demo');
    await expectAccessibleAt(page, 'visitor-link-not-found', VIEWPORTS);
    await page.context().close();
  });
});
