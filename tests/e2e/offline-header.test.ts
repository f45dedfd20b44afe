import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessibleAt, launchBrowser, VIEWPORTS } from '../helpers/browser.js';
import { startCuttableProxy, type CuttableProxy } from '../helpers/cuttable-proxy.js';
import { useServer } from '../helpers/use-server.js';
import { openTablet, type Tablet } from '../helpers/tablet.js';

/**
 * "Offline" in the header as soon as the tablet knows, not after the next request fails: the
 * ward's live-update socket dropping is enough. The network is cut between the tablet and the
 * server without telling the browser (its navigator.onLine stays true), as hospital Wi-Fi
 * that is up but goes nowhere does.
 */

let proxy: CuttableProxy;
let browser: Browser;
let tablet: Tablet;

const server = useServer();
beforeAll(async () => {
  proxy = await startCuttableProxy(server.url);
  browser = await launchBrowser();
  tablet = await openTablet(browser, { ...server, url: proxy.url }, { serviceWorkers: 'block' });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

const status = () => tablet.page.locator('.app-sync-status').innerText();

it('says "Offline" as soon as the socket drops, before any request has failed, and "Last updated" once it is back', async () => {
  const { page } = tablet;
  await expect.poll(status).toMatch(/^Last updated \d\d:\d\d$/);
  const requests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) requests.push(request.url());
  });

  await proxy.cut();
  await expect.poll(status).toBe('Offline');
  // Nothing was asked of the server: the socket told the tablet, and the browser still thinks it is online.
  expect(requests).toEqual([]);
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await expectAccessibleAt(page, 'visit-list-offline', VIEWPORTS);

  await proxy.restore();
  await expect.poll(status, { timeout: 15_000 }).toMatch(/^Last updated \d\d:\d\d$/);
});
