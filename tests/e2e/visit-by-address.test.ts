import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { book, signedInDemoWard } from '../helpers/api-client.js';
import { axeViolations, VIEWPORTS } from '../helpers/browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { signInWard } from '../helpers/tablet.js';
import { hospitalTomorrow } from '../helpers/hospital-time.js';

/** A visit opened by its address (a bookmark, a reload) that the visit list no longer holds. */

const DAY_MS = 86_400_000;
let serverClock = Date.now();
let page: Page;

const server = useServer({ now: () => new Date(serverClock) });
const browser = useBrowser();
beforeAll(async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS.tablet, baseURL: server.url });
  page = await context.newPage();
});

it('shows a visit from days ago that is no longer in the list', async () => {
  const api = await signedInDemoWard(server);
  const tomorrow = hospitalTomorrow(new Date(serverClock));
  const booked = await api.send(book({ patientName: 'Olive Oldvisit', date: tomorrow, time: '12:00' }));
  const visit = booked.body.visits[0]!;

  serverClock += 4 * DAY_MS;
  await signInWard(page, server.demo);
  await page.goto(`/visits/${visit.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Olive Oldvisit' }).waitFor()).resolves.toBeUndefined();
  expect(await page.getByText('Sam Example').isVisible()).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});

it('says plainly when this ward has no visit at the address', async () => {
  await page.goto('/visits/4b0c6a36-2f76-4f3e-9a57-1b2f4a0c9e11');
  await page.getByRole('heading', { level: 1, name: 'Visit not found' }).waitFor();
  expect(await page.getByText('This ward has no visit at this address.').isVisible()).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});
