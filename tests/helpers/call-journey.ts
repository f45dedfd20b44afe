import type { Browser, Page } from 'playwright-core';
import { type Visit } from '../../src/shared/index.js';
import { book, signedInDemoWard } from './api-client.js';
import { VIEWPORTS } from './browser.js';
import { installPeerConnectionProbe, launchCallBrowser, newCallContext } from './call-browser.js';
import { startServer, type TestServer } from './server.js';
import { openTablet } from './tablet.js';
import { hospitalClockIn } from './hospital-time.js';

/** Bookings must be in the future; a few minutes ahead is inside the window when a visit can start. */
const MINUTES_AHEAD = 5;

/** A visit booked for about now on the hospital's clock (so it can start at once), and its join link. */
export async function bookVisitForNow(server: TestServer, fields: { patientName: string; visitorName: string }): Promise<{ visit: Visit; link: string }> {
  const api = await signedInDemoWard(server);
  const now = hospitalClockIn(MINUTES_AHEAD);
  const answer = await api.send(book({ ...fields, date: now.date, time: now.time }));
  if (answer.status !== 200) throw new Error(`booking failed: ${JSON.stringify(answer.body)}`);
  const visit = answer.body.visits[0]!;
  const link = await api.request<{ url: string }>('GET', `/api/visits/${visit.id}/join-link`);
  return { visit, link: link.body.url };
}

/** The nurse's two taps: the visit, then "Start visit". Resolves when the call screen waits for the visitor. */
export async function startVisit(tablet: Page, visitId: string): Promise<void> {
  await tablet.goto(`/visits/${visitId}`);
  await tablet.getByRole('link', { name: 'Start visit' }).click();
  await tablet.getByText(/^Waiting for .* to join/).waitFor();
}

/** The visitor's journey from their link to the waiting room. */
export async function joinAsVisitor(visitor: Page, link: string, name: string): Promise<void> {
  await visitor.goto(link);
  await visitor.getByRole('button', { name: 'Check your camera and microphone' }).click();
  await visitor.getByLabel('Your name').fill(name);
  await visitor.getByRole('button', { name: 'Join visit' }).click();
  await visitor.getByRole('heading', { name: 'Waiting for the ward' }).waitFor();
}

/** Staff let a waiting visitor in to the identity check: they talk, the patient is not shown yet. */
export async function letInToCheck(tablet: Page, name: string): Promise<void> {
  await tablet.getByRole('heading', { name: `${name} is waiting` }).waitFor();
  await tablet.getByRole('button', { name: `Let ${name} in to check` }).click();
  await tablet.getByRole('heading', { name: `Check who ${name} is` }).waitFor();
}

/** Staff check who the visitor is, then let them into the call: the two steps of Admit. */
export async function admit(tablet: Page, name: string): Promise<void> {
  await letInToCheck(tablet, name);
  await tablet.getByRole('button', { name: 'Check done: show the patient' }).click();
  await tablet.getByRole('heading', { name: `Check who ${name} is` }).waitFor({ state: 'detached' });
}

/**
 * How bright a video element's current picture is, from 0 (black) to 255: the fake camera's
 * picture is bright and colourful, a camera turned off arrives as black frames.
 */
export async function videoBrightness(page: Page, label: string): Promise<number> {
  return (await videoPicture(page, label)).mean;
}

/**
 * How much a video's current picture varies, as the standard deviation of its pixels'
 * brightness: the fake camera's picture has moving shapes and colours, a plain placeholder
 * (the tablet during the identity check) has none.
 */
export async function videoSpread(page: Page, label: string): Promise<number> {
  return (await videoPicture(page, label)).spread;
}

function videoPicture(page: Page, label: string): Promise<{ mean: number; spread: number }> {
  return page.evaluate((label) => {
    const video = document.querySelector<HTMLVideoElement>(`video[aria-label="${CSS.escape(label)}"]`);
    if (!video || video.videoWidth === 0) return { mean: -1, spread: -1 };
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 36;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const values: number[] = [];
    for (let i = 0; i < pixels.length; i += 4) values.push((pixels[i]! + pixels[i + 1]! + pixels[i + 2]!) / 3);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const spread = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    return { mean, spread };
  }, label);
}

export interface StartedCall {
  server: TestServer;
  browser: Browser;
  /** The ward tablet on the call screen, waiting for the visitor. */
  tablet: Page;
  link: string;
  close(): Promise<void>;
}

/** The set-up most call tests share: a server, a call browser, a tablet that has started a visit booked for now. */
export async function startedCall(fields = { patientName: 'Pat Example', visitorName: 'Ann Example' }): Promise<StartedCall> {
  const server = await startServer();
  const browser = await launchCallBrowser();
  const tabletContext = await newCallContext(browser, server.url);
  await installPeerConnectionProbe(tabletContext);
  const { page: tablet } = await openTablet(browser, server, { context: tabletContext });
  const booked = await bookVisitForNow(server, fields);
  await startVisit(tablet, booked.visit.id);
  return {
    server,
    browser,
    tablet,
    link: booked.link,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A visitor's phone in the same browser, its own context, its peer connections counted. */
export async function visitorPhone(call: Pick<StartedCall, 'browser' | 'server'>): Promise<Page> {
  const context = await newCallContext(call.browser, call.server.url, VIEWPORTS.phone);
  await installPeerConnectionProbe(context);
  return context.newPage();
}
