import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotBothSizes } from '../helpers/browser.js';
import { peerConnectionCount, waitForFramesRising } from '../helpers/call-browser.js';
import { admit, bookVisitForNow, joinAsVisitor, startedCall, startVisit, visitorPhone, type StartedCall } from '../helpers/call-journey.js';

/**
 * A call is never lost by accident: a tap on the NHS logo, the back button or a reload on the
 * ward tablet must not drop the family. Leaving the call screen on purpose puts the call on
 * hold; coming back, or reloading, lets the family back in with nobody pressing Admit.
 */

const MEDIA_TIMEOUT_MS = 20_000;
const STEPPED_AWAY = 'The ward has stepped away. Stay on this page: the call will carry on when they come back.';
let call: StartedCall;
let tablet: Page;
let visitor: Page;

const visitStatus = async () => (await call.server.db.selectFrom('visits').select('status').executeTakeFirstOrThrow()).status;
/** Frames arriving on the newest connection of a page, once it has one open (a call let back in has a new one). */
async function framesOnNewest(page: Page) {
  await page.waitForFunction(() => (window.__peerConnections ?? []).some((pc) => pc.connectionState !== 'closed'), null, { timeout: MEDIA_TIMEOUT_MS });
  return waitForFramesRising(page, { min: 20, timeoutMs: MEDIA_TIMEOUT_MS, connection: (await peerConnectionCount(page)) - 1 });
}

beforeAll(async () => {
  call = await startedCall({ patientName: 'Peter Example', visitorName: 'Sam Example' });
  tablet = call.tablet;
  visitor = await visitorPhone(call);
  await joinAsVisitor(visitor, call.link, 'Sam');
  await admit(tablet, 'Sam');
  await framesOnNewest(visitor);
});

afterAll(() => call?.close());

// Hazard H03: a call drops during an end-of-life visit and does not come back
it('asks before the NHS logo leaves a call, and staying changes nothing', async () => {
  const connections = await peerConnectionCount(tablet);
  await tablet.getByRole('link', { name: /homepage/ }).click();
  await tablet.getByRole('heading', { name: 'Leave the call screen?' }).waitFor();
  expect(new URL(tablet.url()).pathname).toMatch(/\/call$/);
  expect(await axeViolations(tablet)).toEqual([]);
  await screenshotBothSizes(tablet, 'call-leave-asked');
  await tablet.getByRole('button', { name: 'Stay in the call' }).click();
  await tablet.getByText('In the call: Sam', { exact: false }).waitFor();
  await framesOnNewest(visitor);
  expect(await peerConnectionCount(tablet)).toBe(connections);
});

// Hazard H03: a call drops during an end-of-life visit and does not come back
it('asks before the back button leaves a call', async () => {
  await tablet.goBack();
  await tablet.getByRole('heading', { name: 'Leave the call screen?' }).waitFor();
  expect(new URL(tablet.url()).pathname).toMatch(/\/call$/);
  await tablet.getByRole('button', { name: 'Stay in the call' }).click();
  await tablet.getByText('In the call: Sam', { exact: false }).waitFor();
});

// Hazard H03: a call drops during an end-of-life visit and does not come back
it('keeps the visit open on "Leave the call screen", tells the family in words, and comes back without a new Admit', async () => {
  await tablet.getByRole('link', { name: /homepage/ }).click();
  await tablet.getByRole('button', { name: 'Leave the call screen' }).click();
  await tablet.getByText('The visit with Peter Example is still open', { exact: true }).waitFor();
  await visitor.getByText(STEPPED_AWAY).waitFor();
  expect(await visitStatus()).toBe('in-progress');
  // No sign-out while the family waits on their page.
  expect(await tablet.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  expect(await axeViolations(tablet)).toEqual([]);
  await screenshotBothSizes(tablet, 'call-held-visit-list');
  expect(await axeViolations(visitor)).toEqual([]);
  await screenshotBothSizes(visitor, 'visitor-ward-stepped-away');

  await tablet.getByRole('link', { name: 'Return to call' }).click();
  await tablet.getByText('In the call: Sam', { exact: false }).waitFor({ timeout: MEDIA_TIMEOUT_MS });
  expect(await tablet.getByRole('heading', { name: 'Sam is waiting' }).count()).toBe(0);
  await framesOnNewest(visitor);
  await framesOnNewest(tablet);
  await visitor.getByText(STEPPED_AWAY).waitFor({ state: 'detached' });
});

// Hazard H03: a call drops during an end-of-life visit and does not come back
it('resumes the call by itself after the tablet reloads mid-call', async () => {
  await tablet.reload();
  await tablet.getByText('In the call: Sam', { exact: false }).waitFor({ timeout: MEDIA_TIMEOUT_MS });
  expect(await tablet.getByRole('heading', { name: 'Sam is waiting' }).count()).toBe(0);
  await framesOnNewest(tablet);
  await framesOnNewest(visitor);
  expect(await visitStatus()).toBe('in-progress');
});

// Hazard H03: a call drops during an end-of-life visit and does not come back
it('takes a held call back after a reload on another screen, and the visit stays open', async () => {
  await tablet.getByRole('link', { name: /homepage/ }).click();
  await tablet.getByRole('button', { name: 'Leave the call screen' }).click();
  await tablet.getByText('The visit with Peter Example is still open', { exact: true }).waitFor();
  await tablet.reload();
  await tablet.getByText('The visit with Peter Example is still open', { exact: true }).waitFor();
  await visitor.getByText(STEPPED_AWAY).waitFor();
  await tablet.getByRole('link', { name: 'Return to call' }).click();
  await tablet.getByText('In the call: Sam', { exact: false }).waitFor({ timeout: MEDIA_TIMEOUT_MS });
  await framesOnNewest(visitor);
  expect(await visitStatus()).toBe('in-progress');
});

// Hazard H09: the family is never told the visit is starting
it('says "Nobody has joined yet" before ending a visit nobody joined, and keeps it out of completed calls', async () => {
  const { visit } = await bookVisitForNow(call.server, { patientName: 'Rose Example', visitorName: 'Kim Example' });
  // Another visit while the first is still running on this tablet: the first is held when the nurse leaves it.
  await tablet.getByRole('link', { name: /homepage/ }).click();
  await tablet.getByRole('button', { name: 'Leave the call screen' }).click();
  await startVisit(tablet, visit.id);
  await tablet.getByRole('button', { name: 'End visit' }).click();
  await tablet.getByRole('heading', { name: 'Nobody has joined yet. End anyway?' }).waitFor();
  expect(await axeViolations(tablet)).toEqual([]);
  await screenshotBothSizes(tablet, 'call-end-nobody-joined');
  await tablet.getByRole('button', { name: 'No, keep waiting' }).click();
  await tablet.getByText(/^Waiting for Kim Example to join/).waitFor();
  await tablet.getByRole('button', { name: 'End visit' }).click();
  await tablet.getByRole('button', { name: 'Yes, end without a call' }).click();
  await tablet.getByRole('heading', { name: 'Visit ended' }).waitFor();
  expect(await tablet.getByText('Nobody joined the call.').isVisible()).toBe(true);
  const row = await call.server.db.selectFrom('visits').select(['status', 'connected_at']).where('id', '=', visit.id).executeTakeFirstOrThrow();
  expect(row).toEqual({ status: 'completed', connected_at: null });
  // The tablet says so too, not "Completed".
  await tablet.goto(`/visits/${visit.id}`);
  await tablet.getByText('Ended: nobody joined', { exact: true }).waitFor();
});
