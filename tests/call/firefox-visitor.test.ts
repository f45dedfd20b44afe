// A family joins from their own phone, so the visitor's side is proven in a second browser
// engine: Debian's Firefox (driven over WebDriver BiDi) visits a patient on a Chromium ward
// tablet, through the same product path as ever: link, device check, waiting room, Admit, a
// call with pictures both ways, End visit. Firefox's console must stay clean throughout: a
// strict CSP refusal (zod's eval probe once was one) shows there as an error.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inboundAudioEnergy, waitForFramesRising } from '../helpers/call-browser.js';
import { admit, startedCall, type StartedCall } from '../helpers/call-journey.js';
import { launchFirefox, newFirefoxPage, paintedFrames, waitForPaintedFramesRising, type Firefox, type PageProblems } from '../helpers/firefox.js';

const MEDIA_TIMEOUT_MS = 20_000;
/** About a second of the fake camera's frames. */
const FRAMES = 30;
const VISITOR = 'Robin';
const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

let call: StartedCall;
let firefox: Firefox;
let visitor: Page;
let problems: PageProblems;

beforeAll(async () => {
  call = await startedCall({ patientName: 'Edith Example', visitorName: 'Robin Example' });
  firefox = await launchFirefox();
  ({ page: visitor, problems } = await newFirefoxPage(firefox));
});

afterAll(async () => {
  await firefox?.close();
  await call?.close();
});

/** Puppeteer's accessible-name query, the way getByRole finds things in the Chromium tests. */
const byRole = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

it('lets a Firefox visitor check their camera, give their name and wait for the ward', async () => {
  await visitor.goto(call.link);
  await visitor.locator(byRole('button', 'Check your camera and microphone')).click();
  await visitor.waitForSelector(byRole('heading', 'Check your camera and microphone'));
  // The self view is live: Firefox's fake camera is painting on the device check.
  await waitForPaintedFramesRising(visitor, 'Your camera', { min: FRAMES, timeoutMs: MEDIA_TIMEOUT_MS });
  await visitor.locator(byRole('textbox', 'Your name')).fill(VISITOR);
  await visitor.locator(byRole('button', 'Join visit')).click();
  await visitor.waitForSelector(byRole('heading', 'Waiting for the ward'));
  await call.tablet.getByRole('heading', { name: `${VISITOR} is waiting` }).waitFor();
  expect(await paintedFrames(visitor, 'The ward')).toBe(0);
});

it('connects on Admit: the tablet sees and hears the Firefox visitor, and Firefox paints the ward', async () => {
  await admit(call.tablet, VISITOR);
  await waitForFramesRising(call.tablet, { min: FRAMES, timeoutMs: MEDIA_TIMEOUT_MS });
  await waitForPaintedFramesRising(visitor, 'The ward', { min: FRAMES, timeoutMs: MEDIA_TIMEOUT_MS });
  // Firefox's fake microphone is a tone: the tablet plays it out, so its sound energy grows.
  const heard = await inboundAudioEnergy(call.tablet);
  await expect.poll(() => inboundAudioEnergy(call.tablet), { timeout: MEDIA_TIMEOUT_MS }).toBeGreaterThan(heard);
  await call.tablet.getByText(`In the call: ${VISITOR}`).waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await visitor.screenshot({ path: resolve(SCREENSHOTS, 'firefox-call-connected-visitor-phone.png') });
});

it('ends for the Firefox visitor too when the ward presses End visit', async () => {
  await call.tablet.getByRole('button', { name: 'End visit' }).click();
  await call.tablet.getByRole('button', { name: 'Yes, end visit' }).click();
  await call.tablet.getByRole('heading', { name: 'Visit ended' }).waitFor();
  await visitor.waitForSelector(byRole('heading', 'Your visit has ended'));
  await visitor.screenshot({ path: resolve(SCREENSHOTS, 'firefox-visit-ended-visitor-phone.png') });
});

it("logged no error in Firefox's console, and no CSP violation, on the whole journey", async () => {
  expect(problems.errors).toEqual([]);
  expect(await problems.cspViolations()).toEqual([]);
});
