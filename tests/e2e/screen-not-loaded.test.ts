import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { ApiClient, book } from '../helpers/api-client.js';
import { expectAccessibleAt, launchBrowser, VIEWPORTS } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { openTablet } from '../helpers/tablet.js';

/**
 * The ward's screens other than the visit list are fetched when first opened (src/app/Screens.tsx).
 * When that fetch fails (no network, and neither the worker nor the browser has the file), the
 * nurse is told in words and can try again, instead of looking at an empty page.
 */

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('says a screen could not be opened, and opens it when tried again (the page reloads)', async () => {
  const api = new ApiClient(server.url);
  await api.signIn(server.demo.wardCode, server.demo.pin);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  expect((await api.send(book({ patientName: 'Lazy Patient', date: tomorrow }))).status).toBe(200);

  // No worker, and the visit page's code refused, as a dropped Wi-Fi would.
  const context = await browser.newContext({ viewport: VIEWPORTS.tablet, baseURL: server.url, serviceWorkers: 'block' });
  const visitPageCode = /\/assets\/VisitPage-[^/]*\.js$/;
  const refuse = (route: Route) => route.abort('internetdisconnected');
  await context.route(visitPageCode, refuse);
  const { page } = await openTablet(browser, server, { context });
  await page.getByRole('tab', { name: 'Upcoming' }).click();
  await page.getByRole('link', { name: /Lazy Patient/ }).click();
  await page.getByRole('heading', { level: 1, name: 'This screen could not be opened' }).waitFor();
  expect(await page.getByText('Check the tablet is connected to Wi-Fi, then try again.').isVisible()).toBe(true);
  await expectAccessibleAt(page, 'screen-not-loaded', VIEWPORTS);

  await context.unroute(visitPageCode, refuse);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lazy Patient' }).waitFor();
  expect(await page.getByRole('link', { name: 'Change visit' }).isVisible()).toBe(true);
  await context.close();
});
