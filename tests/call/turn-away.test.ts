import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, screenshotBothSizes, VIEWPORTS } from '../helpers/browser.js';
import { installPeerConnectionProbe, launchCallBrowser, newCallContext, peerConnectionCount } from '../helpers/call-browser.js';
import { admit, bookVisitForNow, joinAsVisitor, startVisit } from '../helpers/call-journey.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { openTablet } from '../helpers/tablet.js';

/** The identity check failed: the ward turns the visitor away instead of letting them in. */

let server: TestServer;
let browser: Browser;
let tablet: Page;
let link: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchCallBrowser();
  const tabletContext = await newCallContext(browser, server.url);
  await installPeerConnectionProbe(tabletContext);
  ({ page: tablet } = await openTablet(browser, server, { context: tabletContext }));
  const booked = await bookVisitForNow(server, { patientName: 'Pat Example', visitorName: 'Ann Example' });
  link = booked.link;
  await startVisit(tablet, booked.visit.id);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function visitorPage(): Promise<Page> {
  const context = await newCallContext(browser, server.url, VIEWPORTS.phone);
  await installPeerConnectionProbe(context);
  return context.newPage();
}

// Hazard H01: nobody joins a call until the ward checks and admits them
// Hazard H08: a forwarded link lets nobody in by itself
it('turns a waiting visitor away: they are told to phone the ward, never connected, and the right one is let in', async () => {
  const stranger = await visitorPage();
  await joinAsVisitor(stranger, link, 'Eve');
  await tablet.getByRole('heading', { name: 'Eve is waiting' }).waitFor();
  expect(await axeViolations(tablet)).toEqual([]);
  await screenshotBothSizes(tablet, 'call-visitor-waiting-turn-away');

  await tablet.getByRole('button', { name: 'Turn Eve away' }).click();
  await tablet.getByRole('heading', { name: 'Eve is waiting' }).waitFor({ state: 'detached' });
  await stranger.getByRole('heading', { name: 'You cannot join this visit' }).waitFor();
  expect(await stranger.getByText('The ward has not let you in to this visit. If you think this is a mistake, phone the ward.').isVisible()).toBe(true);
  expect(await peerConnectionCount(stranger)).toBe(0);
  expect(await axeViolations(stranger)).toEqual([]);
  await screenshotBothSizes(stranger, 'visitor-turned-away');
  // Not back in by a reload: only the ward's say (a new link, or letting them in another way) helps.
  await stranger.reload();
  await stranger.getByRole('heading', { name: 'You cannot join this visit' }).waitFor();
  expect(await stranger.getByRole('button', { name: 'Check your camera and microphone' }).count()).toBe(0);

  const relative = await visitorPage();
  await joinAsVisitor(relative, link, 'Ann');
  await admit(tablet, 'Ann');
  await expect.poll(() => peerConnectionCount(relative), { timeout: 15_000 }).toBe(1);
  expect(await peerConnectionCount(stranger)).toBe(0);
});
