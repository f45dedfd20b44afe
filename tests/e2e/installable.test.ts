import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useServer } from '../helpers/use-server.js';
import { launchProfileContext, waitForServiceWorker } from '../helpers/service-worker.js';

/** The ward tablet can be installed as an app: Chromium's own check of manifest and worker. */

let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;

const server = useServer();
beforeAll(async () => {
  ({ context, close: closeBrowser } = await launchProfileContext(server.url));
  page = await context.newPage();
});

afterAll(async () => {
  await closeBrowser?.();
});

it('passes Chromium’s installability check once the worker controls the page', async () => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await waitForServiceWorker(page);

  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);

  const { errors, data } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
  const manifest = JSON.parse(data ?? '{}') as Record<string, unknown>;
  expect(manifest).toMatchObject({ name: 'Ward virtual visits', short_name: 'Ward visits', display: 'standalone', start_url: '/' });
});

it('serves the manifest as a manifest', async () => {
  const response = await page.request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
});

it('offers no install on the visitor’s page', async () => {
  await page.goto('/visit/any-link');
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await page.locator('link[rel="manifest"]').count()).toBe(0);
});
