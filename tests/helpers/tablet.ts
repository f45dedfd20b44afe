import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer } from './server.js';
import { VIEWPORTS } from './browser.js';
import { signInWard, type WardSignIn } from './ward-sign-in.mjs';

export { signInWard, submitSignIn, type WardSignIn } from './ward-sign-in.mjs';

/** One ward tablet: its own browser context (own cookies, IndexedDB and service worker). */
export interface Tablet {
  context: BrowserContext;
  page: Page;
}

export interface TabletOptions {
  serviceWorkers?: 'allow' | 'block';
  /** A context of the test's own (with its own listeners or permissions) instead of a new one. */
  context?: BrowserContext;
}

/**
 * A tablet-sized page on the server, not signed in. Any dialog fails the test: markup run as
 * script would open one, and an unanswered dialog would hang the page instead.
 */
export async function openTabletPage(browser: Browser, server: Pick<TestServer, 'url'>, options: TabletOptions = {}): Promise<Tablet> {
  const context =
    options.context ?? (await browser.newContext({ viewport: VIEWPORTS.tablet, baseURL: server.url, serviceWorkers: options.serviceWorkers ?? 'allow' }));
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
  return { context, page };
}

/** A new tablet signed in to `ward` (by default the server's demo ward), in `context` if given. */
export async function openTablet(
  browser: Browser,
  server: Pick<TestServer, 'url' | 'demo'>,
  options: TabletOptions & { ward?: WardSignIn } = {},
): Promise<Tablet> {
  const tablet = await openTabletPage(browser, server, options);
  await signInWard(tablet.page, options.ward ?? server.demo);
  return tablet;
}

/** The tab holding a visit's row, then the row's text once it is there. */
export async function rowText(page: Page, tab: 'Today' | 'Upcoming', patientName: string): Promise<string> {
  await page.getByRole('tab', { name: tab }).click();
  const row = page.locator('.app-visit-row', { hasText: patientName });
  await row.waitFor();
  return row.innerText();
}

/**
 * Fills the booking form for a visit tomorrow on the hospital's calendar and books it. Offline
 * (or with the server down) the booking is saved on the tablet, and the screen says so instead.
 */
export async function bookVisit(page: Page, patientName: string, visitorName: string, date: string, time = '15:00', visitorMobile?: string, visitorEmail?: string) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Book a visit' }).click();
  await page.getByLabel("Patient's name").fill(patientName);
  await page.getByLabel("Visitor's name").fill(visitorName);
  if (visitorMobile) await page.getByLabel("Visitor's mobile number (optional)").fill(visitorMobile);
  if (visitorEmail) await page.getByLabel("Visitor's email address (optional)").fill(visitorEmail);
  const [year, month, day] = date.split('-') as [string, string, string];
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Month').fill(month);
  await page.getByLabel('Year').fill(year);
  await page.getByLabel('Time').fill(time);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Book visit' }).click();
  await page.getByRole('heading', { level: 1, name: /^(Visit booked|Visit not sent yet)$/ }).waitFor();
}
