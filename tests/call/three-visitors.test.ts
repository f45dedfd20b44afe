import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshotBothSizes } from '../helpers/browser.js';
import { peerConnectionCount, waitForFramesRising } from '../helpers/call-browser.js';
import { admit, joinAsVisitor, startedCall, visitorPhone, type StartedCall } from '../helpers/call-journey.js';

/** Family in different places: up to three visitor devices in one visit, a star around the tablet. */

const MEDIA_TIMEOUT_MS = 30_000;
const NAMES = ['Ann', 'Ben', 'Cat'];
let call: StartedCall;
let tablet: Page;
let link: string;
const visitors: Page[] = [];
const visitorPage = () => visitorPhone(call);

beforeAll(async () => {
  call = await startedCall();
  ({ tablet, link } = call);
});

afterAll(() => call?.close());

// Hazard H01: nobody joins a call until the ward checks and admits them
// Hazard H14: visitors with disabilities can take part (axe, words, voice, interpreter)
it('admits three visitors one by one, each receiving the patient, with one connection each on the tablet', async () => {
  for (const name of NAMES) {
    const visitor = await visitorPage();
    await joinAsVisitor(visitor, link, name);
    // Waiting in the room is not being in the call: no connection until the ward admits.
    expect(await peerConnectionCount(visitor)).toBe(0);
    await admit(tablet, name);
    visitors.push(visitor);
  }
  for (const [index, visitor] of visitors.entries()) {
    await waitForFramesRising(visitor, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
    expect(await peerConnectionCount(visitor)).toBe(1);
    await waitForFramesRising(tablet, { connection: index, min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
  }
  expect(await peerConnectionCount(tablet, { openOnly: true })).toBe(3);
  for (const name of NAMES) expect(await tablet.locator(`video[aria-label="${name}"]`).count()).toBe(1);
  expect(await axeViolations(tablet)).toEqual([]);
  await screenshotBothSizes(tablet, 'call-three-visitors-tablet');
});

// Hazard H01: nobody joins a call until the ward checks and admits them
// Hazard H08: a forwarded link lets nobody in by itself
it('turns a fourth device away in plain words', async () => {
  const fourth = await visitorPage();
  await fourth.goto(link);
  await fourth.getByRole('button', { name: 'Check your camera and microphone' }).click();
  await fourth.getByLabel('Your name').fill('Dan');
  await fourth.getByRole('button', { name: 'Join visit' }).click();
  await fourth.getByText('This visit already has 3 people joining. Ask the ward for help.').waitFor();
  expect(await tablet.getByRole('heading', { name: 'Dan is waiting' }).count()).toBe(0);
});

it('lets the tablet see a visitor leave, and keeps the others connected', async () => {
  const before = await peerConnectionCount(tablet, { openOnly: true });
  expect(before).toBe(3);
  await visitors[0]!.getByRole('button', { name: 'Leave' }).click();
  await expect.poll(() => tablet.locator('video[aria-label="Ann"]').count(), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => peerConnectionCount(tablet, { openOnly: true }), { timeout: 10_000 }).toBe(2);
  await waitForFramesRising(tablet, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
});
