import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { VIEWPORTS } from '../helpers/browser.js';
import { installPeerConnectionProbe, launchCallBrowser, newCallContext, peerConnectionCount, waitForFramesRising } from '../helpers/call-browser.js';
import { admit, bookVisitForNow, joinAsVisitor, startVisit } from '../helpers/call-journey.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { openTablet } from '../helpers/tablet.js';

/**
 * The signalling server is killed and started again mid-call. Media is peer-to-peer, so the
 * pictures never stop, no new offer is made, and afterwards the call is still managed (it ends).
 */

const MEDIA_TIMEOUT_MS = 20_000;
let server: TestServer;
let browser: Browser;
let tablet: Page;
let visitor: Page;
let visitId: string;

/** Test-only: counts offers a page makes (a renegotiation would make one). */
async function countOffers(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const original = RTCPeerConnection.prototype.createOffer;
    (window as unknown as { __offers: number }).__offers = 0;
    RTCPeerConnection.prototype.createOffer = function (this: RTCPeerConnection, ...args: unknown[]) {
      (window as unknown as { __offers: number }).__offers += 1;
      return (original as (...a: unknown[]) => Promise<RTCSessionDescriptionInit>).apply(this, args);
    } as typeof original;
  });
}
const offers = (page: Page) => page.evaluate(() => (window as unknown as { __offers: number }).__offers);

beforeAll(async () => {
  server = await startServer();
  browser = await launchCallBrowser();
  const tabletContext = await newCallContext(browser, server.url);
  await installPeerConnectionProbe(tabletContext);
  await countOffers(tabletContext);
  ({ page: tablet } = await openTablet(browser, server, { context: tabletContext }));
  const visitorContext = await newCallContext(browser, server.url, VIEWPORTS.phone);
  await installPeerConnectionProbe(visitorContext);
  visitor = await visitorContext.newPage();
  const booked = await bookVisitForNow(server, { patientName: 'Relay Patient', visitorName: 'Jo' });
  visitId = booked.visit.id;
  await startVisit(tablet, visitId);
  await joinAsVisitor(visitor, booked.link, 'Jo');
  await admit(tablet, 'Jo');
  await waitForFramesRising(tablet, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
  await waitForFramesRising(visitor, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Hazard H03: a dropped call comes back by itself and the visit stays open
// Hazard H13: calls survive the server failing mid-visit
it('keeps the pictures going through a relay restart, with no new offer and no new connection', async () => {
  const offersBefore = await offers(tablet);
  const { dataDir } = server;
  const port = Number(new URL(server.url).port);
  await server.stop();
  // While the relay is down, media still flows peer-to-peer.
  await waitForFramesRising(visitor, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
  await waitForFramesRising(tablet, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
  server = await startServer({ dataDir, port });

  // Both ends find the relay again by themselves (socket.io), and the relay learns the call back.
  await expect.poll(() => server.app.relay.of('/call').sockets.size, { timeout: 15_000 }).toBe(2);
  await waitForFramesRising(visitor, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
  await waitForFramesRising(tablet, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
  expect(await offers(tablet)).toBe(offersBefore);
  expect(await peerConnectionCount(tablet)).toBe(1);
  expect(await peerConnectionCount(visitor)).toBe(1);
  expect(await tablet.getByText('Reconnecting').count()).toBe(0);
  expect(await visitor.getByText('Reconnecting').count()).toBe(0);
});

// Hazard H10: no picture or sound reaches a visitor outside the visit
// Hazard H13: calls survive the server failing mid-visit
it('ends the visit through the restarted relay, and the visitor sees the end page', async () => {
  await tablet.getByRole('button', { name: 'End visit' }).click();
  await tablet.getByRole('button', { name: 'Yes, end visit' }).click();
  await visitor.getByRole('heading', { name: 'Your visit has ended' }).waitFor();
  const row = await server.db.selectFrom('visits').select('status').where('id', '=', visitId).executeTakeFirstOrThrow();
  expect(row.status).toBe('completed');
});
