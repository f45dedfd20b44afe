import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { book, signedInDemoWard } from '../helpers/api-client.js';
import { axeViolations, screenshotBothSizes, VIEWPORTS } from '../helpers/browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { openTablet, type Tablet } from '../helpers/tablet.js';
import { hospitalTomorrow } from '../helpers/hospital-time.js';

/** Staff pass on a visit's link (copy, share, QR code); the visitor's phone opens it. */

const tomorrow = hospitalTomorrow();
let tablet: Tablet;
let link: string;

const server = useServer();
const browser = useBrowser();
beforeAll(async () => {
  tablet = await openTablet(browser, server);
});

async function phoneOpening(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

// Hazard H09: the ward can share the link and sees whether the family is there
it("shows staff the visit's link, to copy or to scan as a QR code", async () => {
  const api = await signedInDemoWard(server);
  const visit = (await api.send(book({ patientName: 'Link Patient', date: tomorrow, time: '14:30' }))).body.visits[0]!;
  const { page, context } = tablet;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/visits/${visit.id}`);
  await page.getByRole('heading', { name: 'Link for the visitor' }).waitFor();
  link = await page.locator('.app-join-link__url').innerText();
  expect(link).toMatch(new RegExp(`^${server.url}/visit/[A-Za-z0-9_-]{43}$`));
  expect(await page.getByRole('img', { name: 'QR code of the link for the visitor' }).isVisible()).toBe(true);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(await axeViolations(page)).toEqual([]);
  await screenshotBothSizes(page, 'visit-join-link');
});

// Hazard H04: the visit list and the family's link show the current visit
// Hazard H08: a forwarded link lets nobody in by itself
// Hazard H19: booking mistakes are caught before and after booking
it('opens on the visitor’s phone naming the hospital, ward and time, and when to come back', async () => {
  const page = await phoneOpening(link);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your video visit');
  const details = await page.locator('.app-visit-facts').innerText();
  expect(details).toContain('Demo General Hospital');
  expect(details).toContain('Demo ward');
  expect(details).toContain('14:30');
  expect(await page.getByText('You can join from 14:15').isVisible()).toBe(true);
  expect(await page.getByText('Do not take screenshots or recordings of the call.').isVisible()).toBe(true);
  expect(await page.locator('body').innerText()).not.toContain('Link Patient');
  expect(await axeViolations(page)).toEqual([]);
  await screenshotBothSizes(page, 'visitor-landing');

  // The token has left the address bar and history; a reload still shows the visit.
  const token = link.split('/visit/')[1]!;
  expect(new URL(page.url()).pathname).toBe('/visit');
  await page.reload();
  await page.getByText('You can join from 14:15').waitFor();
  expect(page.url()).not.toContain(token);
  expect(await page.evaluate(() => document.cookie)).toBe(''); // HttpOnly: page scripts cannot read the session
  await page.context().close();
});

// Hazard H01: nobody joins a call until the ward checks and admits them
it('makes a new link for a link sent to the wrong person, after asking; the old one stops working', async () => {
  const page = await phoneOpening(link);
  const { page: staff } = tablet;
  await staff.getByRole('button', { name: 'Make a new link' }).click();
  await staff.getByText('The old link will stop working straight away.').waitFor();
  expect(await axeViolations(staff)).toEqual([]);
  await screenshotBothSizes(staff, 'visit-make-new-link');
  await staff.locator('.nhsuk-inset-text').getByRole('button', { name: 'Make a new link' }).click();
  await staff.getByText('A new link has been made. The old link no longer works.').waitFor();
  const newLink = await staff.locator('.app-join-link__url').innerText();
  expect(newLink).not.toBe(link);
  expect(newLink).toMatch(new RegExp(`^${server.url}/visit/[A-Za-z0-9_-]{43}$`));

  // The wrong person's open page loses the visit on its next load; the old link leads nowhere.
  await page.reload();
  await page.getByRole('heading', { name: 'Join a video visit' }).waitFor();
  expect(await page.locator('body').innerText()).not.toContain('Demo ward');
  const old = await phoneOpening(link);
  expect(await old.getByRole('heading', { level: 1 }).innerText()).toBe('We cannot find your visit');
  expect(await old.getByText('If the ward has sent you more than one link, use the newest one.').isVisible()).toBe(true);
  const fresh = await phoneOpening(newLink);
  expect(await fresh.getByRole('heading', { level: 1 }).innerText()).toBe('Your video visit');
  link = newLink;
  for (const opened of [page, old, fresh]) await opened.context().close();
});

// Hazard H04: the visit list and the family's link show the current visit
it("says plainly when a link is for a cancelled visit, or is not a link at all", async () => {
  await tablet.page.getByRole('link', { name: 'Cancel visit' }).click();
  await tablet.page.getByLabel('Visitor cannot make it').check();
  await tablet.page.getByRole('button', { name: 'Cancel visit' }).click();
  await tablet.page.getByText('Visit cancelled', { exact: true }).waitFor();
  await tablet.page.getByText('Not sent yet').first().waitFor({ state: 'detached' });

  const cancelled = await phoneOpening(link);
  expect(await cancelled.getByRole('heading', { level: 1 }).innerText()).toBe('Your visit has been cancelled');
  expect(await cancelled.getByText('The ward has cancelled this video visit, so its link no longer works.').isVisible()).toBe(true);
  expect(await axeViolations(cancelled)).toEqual([]);
  await cancelled.context().close();

  const madeUp = await phoneOpening(`${server.url}/visit/not-a-real-link`);
  expect(await madeUp.getByRole('heading', { level: 1 }).innerText()).toBe('We cannot find your visit');
  expect(await madeUp.getByText('If you copied the link, check you copied all of it.').isVisible()).toBe(true);
  await madeUp.context().close();
});
