import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotBothSizes } from '../helpers/browser.js';
import { peerConnectionCount } from '../helpers/call-browser.js';
import { admit, joinAsVisitor, letInToCheck, startedCall, videoSpread, visitorPhone, type StartedCall } from '../helpers/call-journey.js';

/** The identity check failed: the ward turns the visitor away instead of letting them in. */

let call: StartedCall;
let tablet: Page;
let link: string;

beforeAll(async () => {
  call = await startedCall();
  ({ tablet, link } = call);
});

afterAll(() => call?.close());

const visitorPage = () => visitorPhone(call);

// Hazard H01: nobody joins a call until the ward checks and admits them
// Hazard H08: a forwarded link lets nobody in by itself
it('turns a waiting visitor away: they are told to phone the ward, never connected, and the right one is let in', async () => {
  const stranger = await visitorPage();
  await joinAsVisitor(stranger, link, 'Eve');
  await tablet.getByRole('heading', { name: 'Eve is waiting' }).waitFor();
  expect(await axeViolations(tablet)).toEqual([]);
  await screenshotBothSizes(tablet, 'call-visitor-waiting-turn-away');

  await tablet.getByRole('button', { name: 'Do not let in' }).click();
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

// Hazard H01: nobody joins a call until the ward checks and admits them
it('removes a visitor who fails the identity check: the patient was never shown, they are told, and cannot rejoin', async () => {
  const stranger = await visitorPage();
  await joinAsVisitor(stranger, link, 'Max');
  await letInToCheck(tablet, 'Max');
  await expect.poll(() => peerConnectionCount(stranger), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => videoSpread(stranger, 'The ward'), { timeout: 15_000 }).toBeGreaterThanOrEqual(0);
  expect(await videoSpread(stranger, 'The ward')).toBeLessThan(1);

  await tablet.getByRole('button', { name: 'Remove Max' }).click();
  await tablet.getByRole('heading', { name: 'Check who Max is' }).waitFor({ state: 'detached' });
  await stranger.getByRole('heading', { name: 'You cannot join this visit' }).waitFor();
  await expect.poll(() => peerConnectionCount(stranger, { openOnly: true }), { timeout: 10_000 }).toBe(0);
  await stranger.reload();
  await stranger.getByRole('heading', { name: 'You cannot join this visit' }).waitFor();
  // Ann, in the call, carries on.
  await tablet.getByText('In the call: Ann', { exact: false }).waitFor();
});
