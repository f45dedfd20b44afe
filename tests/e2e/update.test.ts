import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotBothSizes, VIEWPORTS } from '../helpers/browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { controllingWorkerVersion, copyBuiltUi, waitForServiceWorker, type UiCopy } from '../helpers/service-worker.js';

/**
 * A new version deployed while the tablet is open: it installs in the background, the nurse
 * is told, and it takes over only when the nurse presses "Update now".
 */

let ui: UiCopy;
let page: Page;

// The server serves a copy of the build, which a test then changes as a new version would.
beforeAll(() => {
  ui = copyBuiltUi();
});
afterAll(() => ui?.remove());
const server = useServer(() => ({ uiDir: ui.dir }));
const browser = useBrowser();
beforeAll(async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS.tablet, baseURL: server.url });
  page = await context.newPage();
});

const banner = () => page.getByRole('region', { name: 'Important' });

// Hazard H23: an update is applied only when staff ask
it('offers a new version when the tablet is looked at again, and applies it when asked', async () => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await waitForServiceWorker(page);
  const oldVersion = await controllingWorkerVersion(page);
  expect(await banner().count()).toBe(0);

  const newVersion = `${oldVersion}-next`;
  ui.stampWorker(oldVersion, newVersion);
  // The tablet comes back to the foreground: the bridge checks for an update.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

  await banner().getByText('A new version is available').waitFor();
  expect(await controllingWorkerVersion(page), 'the old version stays until the nurse asks').toBe(oldVersion);
  expect(await axeViolations(page)).toEqual([]);
  await screenshotBothSizes(page, 'update-available');

  const reloaded = page.waitForEvent('load');
  await banner().getByRole('button', { name: 'Update now' }).click();
  await reloaded;
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  expect(await controllingWorkerVersion(page)).toBe(newVersion);
  expect(await banner().count()).toBe(0);
});

it('offers a version that was already waiting when the page loaded', async () => {
  const current = await controllingWorkerVersion(page);
  const newer = `${current}-again`;
  ui.stampWorker(current, newer);
  // A reload checks for an update too; the new worker installs and waits behind this page.
  await page.reload();
  await banner().getByText('A new version is available').waitFor();
  expect(await controllingWorkerVersion(page)).toBe(current);

  const reloaded = page.waitForEvent('load');
  await banner().getByRole('button', { name: 'Update now' }).click();
  await reloaded;
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  expect(await controllingWorkerVersion(page)).toBe(newer);
});
