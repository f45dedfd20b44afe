// The visitor's screens after the landing page, in real Chromium with a fake camera and
// microphone, driven alone (no ward tablet): device check, name, waiting room, leaving, the
// end page's feedback, and the help when the camera is blocked. axe and screenshots on each.
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { CONNECT_TIMEOUT_MS } from '../../src/call/machine.js';
import { recordCallStep } from '../../src/server/store/visits.js';
import { ApiClient, book, signedInDemoWard } from '../helpers/api-client.js';
import { bookVisitForNow, joinAsVisitor } from '../helpers/call-journey.js';
import { axeViolations, screenshotBothSizes, VIEWPORTS } from '../helpers/browser.js';
import { CALL_ARGS, launchCallBrowser, newCallContext } from '../helpers/call-browser.js';
import { launchBrowser } from '../helpers/browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { useServer } from '../helpers/use-server.js';
import { hospitalClockIn } from '../helpers/hospital-time.js';

const MEDIA_TIMEOUT_MS = 15_000;
/** Long enough to hear several of the fake microphone's beeps (one a second). */
const METER_LISTEN_MS = 2_500;
const METER_SAMPLE_MS = 100;
const LAPTOP = { width: 1280, height: 720 };

let api: ApiClient;
const contexts: BrowserContext[] = [];
const sockets: Socket[] = [];
/** Chromium with other fake devices, for one test each. */
const otherBrowsers: Browser[] = [];

const server = useServer();
const browser = useBrowser(() => launchCallBrowser());
beforeAll(async () => {
  api = await signedInDemoWard(server);
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all(contexts.map((context) => context.close()));
  await Promise.all(otherBrowsers.map((each) => each.close()));
});

/** A visit starting in 10 minutes (so its link is open now), and its join link. */
async function bookOpenVisit(): Promise<{ id: string; link: string }> {
  const soon = hospitalClockIn(10);
  const answer = await api.send(book({ patientName: 'Screens Patient', date: soon.date, time: soon.time }));
  const id = answer.body.visits[0]!.id;
  const link: string = (await api.request('GET', `/api/visits/${id}/join-link`)).body.url;
  return { id, link };
}

/** The visitor's phone on the link's landing page, camera allowed unless `allowMedia` is false. */
async function openVisitor(link: string, { allowMedia = true, on = browser } = {}): Promise<Page> {
  const context = allowMedia ? await newCallContext(on, server.url, VIEWPORTS.phone) : await on.newContext({ viewport: VIEWPORTS.phone });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Your video visit' }).waitFor();
  return page;
}

/** The demo ward on the call relay, signed in as a tablet is. */
async function wardSocket(): Promise<Socket> {
  const signIn = await new ApiClient(server.url).signIn(server.demo.wardCode, server.demo.pin);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const socket = io(`${server.url}/call`, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  sockets.push(socket);
  await once(socket, 'connect');
  return socket;
}

function once<T = unknown>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, resolve));
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: MEDIA_TIMEOUT_MS });
}

/** The first video's frames are moving: playing, with a picture, and its clock going on. */
async function waitForPlayingVideo(page: Page, selector = 'video'): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const video = document.querySelector<HTMLVideoElement>(selector);
      return !!video && !video.paused && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0 && video.currentTime > 0.5;
    },
    selector,
    { timeout: MEDIA_TIMEOUT_MS },
  );
}

async function meterReadings(page: Page): Promise<number[]> {
  const readings: number[] = [];
  for (let waited = 0; waited < METER_LISTEN_MS; waited += METER_SAMPLE_MS) {
    readings.push(await page.getByLabel('Microphone level').evaluate((meter) => (meter as HTMLMeterElement).value));
    await page.waitForTimeout(METER_SAMPLE_MS);
  }
  return readings;
}

async function expectAxeClean(page: Page): Promise<void> {
  // The pointer rests where the last button was tapped; over a link, NHS links lose their
  // underline on hover, and axe would judge that moment rather than the page.
  await page.mouse.move(0, 0);
  expect(await axeViolations(page)).toEqual([]);
}

describe('visitor screens (Chromium, fake camera and microphone)', () => {
  let link: string;
  let page: Page;

  beforeAll(async () => {
    link = (await bookOpenVisit()).link;
  });

  // Hazard H14: visitors with disabilities can take part (axe, words, voice, interpreter)
  it('offers a camera and microphone check on the landing page of an open link, with the rules', async () => {
    page = await openVisitor(link);
    expect(await page.getByText('Do not take screenshots or recordings of the call.').isVisible()).toBe(true);
    expect(await page.getByText('This is a visit, not a medical consultation.', { exact: false }).isVisible()).toBe(true);
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-landing-open');
  });

  // Hazard H21: a visitor whose camera is blocked or missing can still join
  it('shows a playing self preview and a microphone meter that moves', async () => {
    await page.getByRole('button', { name: 'Check your camera and microphone' }).click();
    await heading(page, 'Check your camera and microphone');
    await waitForPlayingVideo(page);
    const readings = await meterReadings(page);
    expect(Math.max(...readings)).toBeGreaterThan(0);
    expect(new Set(readings).size).toBeGreaterThan(2);
    // One fake camera: nothing to choose between.
    expect(await page.getByRole('group', { name: 'Camera' }).count()).toBe(0);
    expect(await page.getByText('The ward sees this name before letting you in').isVisible()).toBe(true);
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-device-check');
  });

  // Hazard H14: visitors with disabilities can take part (axe, words, voice, interpreter)
  it('asks for a name, and says plainly when it is missing or too long', async () => {
    await page.getByRole('button', { name: 'Join visit' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: 'Enter your name' }).waitFor();
    await expect.poll(() => page.title()).toMatch(/^Error: Check your camera and microphone/);
    expect(await page.locator('#visitor-name-error').innerText()).toContain('Enter your name');
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-name-error');
    // The summary's link takes the visitor to the field.
    await summary.getByRole('link', { name: 'Enter your name' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('visitor-name');

    await page.getByLabel('Your name').fill('x'.repeat(101));
    await page.getByRole('button', { name: 'Join visit' }).click();
    await summary.getByRole('link', { name: 'Your name must be 100 characters or fewer' }).waitFor();
  });

  it('waits for the ward after Join, keeping the self preview', async () => {
    await page.getByLabel('Your name').fill('Sam Visitor');
    await page.getByRole('button', { name: 'Join visit' }).click();
    await heading(page, 'Waiting for the ward');
    expect(await page.getByText('The ward will let you in shortly.').isVisible()).toBe(true);
    // "Joining…" goes once the relay has put the visitor in the visit's room.
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === '', undefined, { timeout: MEDIA_TIMEOUT_MS });
    await waitForPlayingVideo(page);
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-waiting');
  });

  // Hazard H10: no picture or sound reaches a visitor outside the visit
  it('reaches the end page from the waiting room with Leave, asking the one feedback question', async () => {
    await page.getByRole('button', { name: 'Leave' }).click();
    await heading(page, 'Your visit has ended');
    expect(await page.getByText('Your details will be deleted within 24 hours.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'join the visit again' }).getAttribute('href')).toBe('/visit'); // the token left the address bar; the visitor session brings the visit back
    expect(await page.getByRole('group', { name: 'How was your visit? (optional)' }).isVisible()).toBe(true);
    // The camera is released: no track is left running once the visitor has left.
    expect(await page.locator('video').count()).toBe(0);
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-ended');

    // This visitor was never let in, so the server does not count their answer, and the page says why.
    await page.getByLabel('Good', { exact: true }).check();
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText('You can give feedback once your call with the ward has started.').waitFor();
    expect(await page.getByRole('button', { name: 'Send feedback' }).count()).toBe(0);

    // Left by mistake: the link back opens the same visit, with no token in the address.
    await page.getByRole('link', { name: 'join the visit again' }).click();
    await page.getByRole('button', { name: 'Check your camera and microphone' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/visit');
  });
});

describe('feedback after a call', () => {
  it('says when sending failed, lets the visitor try again, then thanks them', async () => {
    const { id, link } = await bookOpenVisit();
    // As the relay records a call that connected: only then does the server take feedback.
    const { ward_id } = await server.db.selectFrom('visits').select('ward_id').where('id', '=', id).executeTakeFirstOrThrow();
    await recordCallStep(server.db, ward_id, id, 'start', new Date());
    await recordCallStep(server.db, ward_id, id, 'connect', new Date());

    const page = await openVisitor(link);
    await page.getByRole('button', { name: 'Check your camera and microphone' }).click();
    await page.getByLabel('Your name').fill('Sam Visitor');
    await page.getByRole('button', { name: 'Join visit' }).click();
    await heading(page, 'Waiting for the ward');
    await page.getByRole('button', { name: 'Leave' }).click();
    await heading(page, 'Your visit has ended');

    await page.route('**/feedback', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('Very good').check();
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText('Your feedback could not be sent. Check your internet connection, then try again.').waitFor();
    expect(await page.getByLabel('Very good').isChecked()).toBe(true);
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-feedback-failed');

    await page.unroute('**/feedback');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText('Thank you for your feedback').waitFor();
    expect(await page.locator('.nhsuk-error-summary').count()).toBe(0);
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-feedback-thanks');
  });
});

describe('admitted, but the call never connects', () => {
  // Hazard H16: a call that cannot start says so and can be tried again
  it('says "Connecting…" on the call screen, then offers Try again, and the ward can end the visit', async () => {
    // The ward here is a bare socket on the relay (no tablet page, no media): it admits the
    // visitor and then never sends an offer, so the visitor's call cannot connect.
    const { id, link } = await bookOpenVisit();
    const ward = await wardSocket();
    ward.emit('start', { visitId: id });
    await once(ward, 'room');
    const page = await openVisitor(link);
    const waiting = once<{ id: string }>(ward, 'participant');
    await joinAsVisitor(page, link, 'Sam');
    ward.emit('admit', { participantId: (await waiting).id });

    await heading(page, 'Your video visit');
    await page.getByRole('status').getByText('Connecting…').waitFor();
    expect(await page.getByRole('button', { name: 'Mute' }).getAttribute('aria-pressed')).toBe('false');
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-in-call-connecting');
    // A laptop too: the call shrinks to keep the controls on screen.
    await page.setViewportSize(LAPTOP);
    await page.screenshot({ path: resolve(import.meta.dirname, '../../test-results/screenshots/visitor-in-call-connecting-laptop.png') });
    expect(await page.getByRole('button', { name: 'Leave' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Leave' }).evaluate((button) => button.getBoundingClientRect().bottom)).toBeLessThanOrEqual(LAPTOP.height);
    await page.setViewportSize(VIEWPORTS.phone);

    await page.getByRole('button', { name: 'Mute' }).click();
    expect(await page.getByRole('button', { name: 'Unmute' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Turn camera off' }).click();
    await page.locator('figure', { has: page.locator('video[aria-label="Your camera"]') }).getByText('Camera off').waitFor();

    await page.getByRole('heading', { level: 1, name: 'Connection problem' }).waitFor({ timeout: CONNECT_TIMEOUT_MS + MEDIA_TIMEOUT_MS });
    expect(await page.getByText('Check your internet connection, then try again.', { exact: false }).isVisible()).toBe(true);
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-never-connected');

    const rejoined = once<{ id: string; state: string }>(ward, 'participant');
    await page.getByRole('button', { name: 'Try again' }).click();
    await heading(page, 'Waiting for the ward');
    expect(await rejoined).toMatchObject({ state: 'waiting' });

    ward.emit('end', {});
    await heading(page, 'Your visit has ended');
    // The ward ended it: there is no visit to go back to.
    expect(await page.getByRole('link', { name: 'join the visit again' }).count()).toBe(0);
  }, CONNECT_TIMEOUT_MS + 60_000);
});

describe('the server going away', () => {
  // Hazard H13: calls survive the server failing mid-visit
  // Hazard H16: a call that cannot start says so and can be tried again
  it('says "Reconnecting…" in the waiting room until the relay is back, then waits on', async () => {
    const first = await startServer();
    let second: TestServer | undefined;
    try {
      const { link } = await bookVisitForNow(first, { patientName: 'Restart Patient', visitorName: 'Sam Visitor' });
      const context = await newCallContext(browser, first.url, VIEWPORTS.phone);
      contexts.push(context);
      const page = await context.newPage();
      await joinAsVisitor(page, link, 'Sam');
      const status = page.getByRole('status');
      await expect.poll(() => status.innerText()).toBe('');

      await first.stop();
      await status.getByText('Reconnecting…').waitFor({ timeout: MEDIA_TIMEOUT_MS });
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Waiting for the ward');
      await expectAxeClean(page);
      await screenshotBothSizes(page, 'visitor-waiting-reconnecting');

      second = await startServer({ dataDir: first.dataDir, port: Number(new URL(first.url).port) });
      await expect.poll(() => status.innerText(), { timeout: MEDIA_TIMEOUT_MS }).toBe('');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Waiting for the ward');
    } finally {
      await second?.close();
      await first.close();
    }
  });
});

describe('camera and microphone blocked', () => {
  // Hazard H21: a visitor whose camera is blocked or missing can still join
  it('explains how to allow them in the browser settings, and Try again works once allowed', async () => {
    // --use-fake-ui-for-media-stream answers every prompt "Allow", whatever the permission says
    // (and "=deny" refuses even a granted one). Without it, headless Chromium refuses a prompt no
    // one answers, as a visitor pressing "Block" does, and a later grant lets Try again work.
    const blocking = await launchBrowser(CALL_ARGS.filter((arg) => !arg.startsWith('--use-fake-ui-for-media-stream')));
    otherBrowsers.push(blocking);
    const { link } = await bookOpenVisit();
    const page = await openVisitor(link, { allowMedia: false, on: blocking });
    await page.getByRole('button', { name: 'Check your camera and microphone' }).click();
    await heading(page, 'Allow your camera and microphone');
    expect(await page.getByText('Set Camera and Microphone to Allow.').isVisible()).toBe(true);
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-camera-blocked');

    await page.context().grantPermissions(['camera', 'microphone'], { origin: server.url });
    await page.getByRole('button', { name: 'Try again' }).click();
    await heading(page, 'Check your camera and microphone');
    await waitForPlayingVideo(page);
  });
});

describe('other devices', () => {
  // Hazard H21: a visitor whose camera is blocked or missing can still join
  it('lets the visitor choose between two cameras', async () => {
    const twoCameras = await launchCallBrowser(['--use-fake-device-for-media-stream=device-count=2']);
    otherBrowsers.push(twoCameras);
    const { link } = await bookOpenVisit();
    const page = await openVisitor(link, { on: twoCameras });
    await page.getByRole('button', { name: 'Check your camera and microphone' }).click();
    await waitForPlayingVideo(page);
    const cameras = page.getByRole('group', { name: 'Camera' });
    await cameras.waitFor();
    expect(await cameras.getByRole('radio').count()).toBe(2);
    const second = cameras.getByRole('radio').nth(1);
    const secondId = await second.getAttribute('value');
    await second.check();
    await page.waitForFunction(
      (id) => document.querySelector('video') && (document.querySelector('video')!.srcObject as MediaStream).getVideoTracks()[0]?.getSettings().deviceId === id,
      secondId,
      { timeout: MEDIA_TIMEOUT_MS },
    );
    await waitForPlayingVideo(page);
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-device-check-two-cameras');
  });

  // Hazard H14: visitors with disabilities can take part (axe, words, voice, interpreter)
  // Hazard H21: a visitor whose camera is blocked or missing can still join
  it('says the visit will be voice only when there is no camera', async () => {
    const noCamera = await launchCallBrowser(['--use-fake-device-for-media-stream=device-count=0']);
    otherBrowsers.push(noCamera);
    const { link } = await bookOpenVisit();
    const page = await openVisitor(link, { on: noCamera });
    await page.getByRole('button', { name: 'Check your camera and microphone' }).click();
    await page.getByText('No camera was found, so your visit will be voice only.', { exact: false }).waitFor({ timeout: MEDIA_TIMEOUT_MS });
    expect(await page.locator('video').count()).toBe(0);
    expect(Math.max(...(await meterReadings(page)))).toBeGreaterThan(0);
    await expectAxeClean(page);
    await screenshotBothSizes(page, 'visitor-device-check-voice-only');
  });
});
