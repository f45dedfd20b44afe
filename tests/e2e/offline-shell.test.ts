import { beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { VIEWPORTS } from '../helpers/browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { waitForServiceWorker } from '../helpers/service-worker.js';
import { submitSignIn } from '../helpers/tablet.js';

/**
 * The tablet app opens with no network: the service worker answers every screen's address
 * from its precache. It never answers the API or the socket: visit data offline comes from
 * IndexedDB only, which knows its age (PLATFORM.md).
 */

let context: BrowserContext;
let page: Page;
const apiResponses: Response[] = [];

const server = useServer();
const browser = useBrowser();
beforeAll(async () => {
  context = await browser.newContext({ viewport: VIEWPORTS.tablet, baseURL: server.url });
  page = await context.newPage();
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) apiResponses.push(response);
  });
});

/** What a fetch from the page got: the status of an answer, or "failed" when none came. */
function fetchFromPage(path: string): Promise<string> {
  return page.evaluate((url) => fetch(url).then((response) => `answered ${response.status}`, () => 'failed'), path);
}

/** Every URL held in the page's Cache Storage, whoever put it there. */
function cachedUrls(): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((request) => request.url));
    return urls;
  });
}

it('answers the API from the network, never the worker, while online', async () => {
  await page.goto('/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await waitForServiceWorker(page);
  await submitSignIn(page, server.demo);
  // Successful answers, the kind a caching worker would keep.
  expect(await fetchFromPage('/api/session')).toBe('answered 200');
  expect(await fetchFromPage('/api/visits')).toBe('answered 200');

  expect(apiResponses.length).toBeGreaterThan(0);
  expect(apiResponses.filter((response) => response.fromServiceWorker())).toEqual([]);
  const urls = await cachedUrls();
  expect(urls.some((url) => new URL(url).pathname === '/index.html')).toBe(true);
  expect(urls.filter((url) => /\/(api|socket\.io)\//.test(new URL(url).pathname))).toEqual([]);
});

// Hazard H12: tablets keep working, and nurses can sign in, when the server is down or attacked
it('opens the app with no network and the server gone', async () => {
  await context.setOffline(true);
  await server.stop();

  for (const path of ['/', '/sign-in', '/visits/4b0c6a36-2f76-4f3e-9a57-1b2f4a0c9e11']) {
    const response = await page.goto(path);
    expect(response?.fromServiceWorker(), path).toBe(true);
    // The shell: the NHS header and a screen's heading (what the screen says offline is the data layer's part).
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'NHS Ward virtual visits homepage' }).isVisible(), path).toBe(true);
  }
});

it('gives no cached answer for the API or the socket when offline', async () => {
  expect(await fetchFromPage('/api/session')).toBe('failed');
  expect(await fetchFromPage('/api/visits')).toBe('failed');
  expect(await fetchFromPage('/socket.io/?EIO=4&transport=polling')).toBe('failed');
});
