import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { CONNECT_TIMEOUT_MS } from '../../src/call/machine.js';
import type { CallServerEvents } from '../../src/shared/index.js';
import { ApiClient } from '../helpers/api-client.js';
import { VIEWPORTS } from '../helpers/browser.js';
import {
  installPeerConnectionProbe,
  launchCallBrowser,
  newCallContext,
  readConnectionStats,
  selectedCandidatePairType,
  waitForFramesRising,
} from '../helpers/call-browser.js';
import { admit, bookVisitForNow, joinAsVisitor, startVisit } from '../helpers/call-journey.js';
import { startCoturn, type Coturn } from '../helpers/coturn.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { openTablet } from '../helpers/tablet.js';

/**
 * Calls through a real coturn, relay only (ICE_TRANSPORT_POLICY=relay), as on a guest network
 * that allows nothing but the trust's TURN server: over UDP, over TCP, and with a TURN secret
 * that does not match coturn's, which must end in words on screen rather than a spinner.
 */

const MEDIA_TIMEOUT_MS = 20_000;
/** After the engine's connect timeout, time for the next tick and the screen to change. */
const FAILURE_SHOWN_WITHIN_MS = CONNECT_TIMEOUT_MS + 15_000;

let coturn: Coturn;
let browser: Browser;
let server: TestServer | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  coturn = await startCoturn();
  browser = await launchCallBrowser();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  await server?.close();
  server = undefined;
});

afterAll(async () => {
  await browser?.close();
  await coturn?.stop();
});

type RoomPayload = Parameters<CallServerEvents['room']>[0];

/** What the relay hands a tablet that starts a visit, read over a socket of our own. */
async function roomPayload(server: TestServer): Promise<RoomPayload> {
  const { visit } = await bookVisitForNow(server, { patientName: 'Pat Example', visitorName: 'Lee Example' });
  const api = new ApiClient(server.url);
  const cookie = (await api.signIn(server.demo.wardCode, server.demo.pin)).headers.get('set-cookie')!.split(';')[0]!;
  const socket = io(`${server.url}/call`, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  try {
    const room = new Promise<RoomPayload>((resolve) => socket.once('room', resolve));
    socket.emit('start', { visitId: visit.id });
    return await room;
  } finally {
    socket.close();
  }
}

/** The candidates a page gathers with this configuration: type, and for relays how it reaches coturn. */
async function gatheredCandidates(page: Page, config: RTCConfiguration): Promise<{ type: string; relayProtocol: string | null }[]> {
  return page.evaluate(async (config) => {
    const pc = new RTCPeerConnection(config);
    pc.createDataChannel('probe');
    const complete = new Promise<void>((resolve) => {
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
      setTimeout(resolve, 10_000);
    });
    await pc.setLocalDescription(await pc.createOffer());
    await complete;
    const found: { type: string; relayProtocol: string | null }[] = [];
    (await pc.getStats()).forEach((s) => s.type === 'local-candidate' && found.push({ type: s.candidateType, relayProtocol: s.relayProtocol ?? null }));
    pc.close();
    return found;
  }, config);
}

/** A server handing out credentials for `turnUrl` signed with `secret`; the tablet has started a visit and Jo waits. */
async function visitorWaitingThrough(turnUrl: string, secret: string): Promise<{ tablet: Page; visitor: Page }> {
  server = await startServer({ env: { TURN_URLS: turnUrl, TURN_SECRET: secret, ICE_TRANSPORT_POLICY: 'relay' } });
  const tabletContext = await newCallContext(browser, server.url);
  await installPeerConnectionProbe(tabletContext);
  contexts.push(tabletContext);
  const { page: tablet } = await openTablet(browser, server, { context: tabletContext });
  const visitorContext = await newCallContext(browser, server.url, VIEWPORTS.phone);
  await installPeerConnectionProbe(visitorContext);
  contexts.push(visitorContext);
  const visitor = await visitorContext.newPage();
  const booked = await bookVisitForNow(server, { patientName: 'Margaret Example', visitorName: 'Jo Example' });
  await startVisit(tablet, booked.visit.id);
  await joinAsVisitor(visitor, booked.link, 'Jo');
  return { tablet, visitor };
}

/** The call connects and carries video both ways on a pair whose local side is a coturn relay over `protocol`. */
async function expectRelayedCall(tablet: Page, visitor: Page, protocol: 'udp' | 'tcp') {
  await admit(tablet, 'Jo');
  try {
    await waitForFramesRising(tablet, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
    await waitForFramesRising(visitor, { min: 30, timeoutMs: MEDIA_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`${(error as Error).message}\ncoturn said:\n${coturn.output().slice(-4000)}`);
  }
  for (const [side, page] of [['tablet', tablet], ['visitor', visitor]] as const) {
    const pair = await selectedCandidatePairType(page);
    expect(pair, side).toMatchObject({ local: 'relay', relayProtocol: protocol });
    // The far end is the other browser's relay address: it may first be seen as peer-reflexive
    // when its check arrives before the candidate itself is signalled.
    expect(['relay', 'prflx'], side).toContain(pair!.remote);
  }
}

it('hands out credentials coturn accepts, over UDP and TCP, and none it accepts under the wrong secret', async () => {
  for (const [url, secret, expected] of [
    [coturn.urls.udp, coturn.secret, [{ type: 'relay', relayProtocol: 'udp' }]],
    [coturn.urls.tcp, coturn.secret, [{ type: 'relay', relayProtocol: 'tcp' }]],
    [coturn.urls.udp, `not-${coturn.secret}-the-one-coturn-has`, []],
  ] as const) {
    server = await startServer({ env: { TURN_URLS: url, TURN_SECRET: secret, ICE_TRANSPORT_POLICY: 'relay' } });
    const room = await roomPayload(server);
    expect(room.iceTransportPolicy).toBe('relay');
    const context = await newCallContext(browser, server.url);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/sign-in');
    // A relay candidate exists only if coturn accepted the credential's Allocate request.
    const candidates = await gatheredCandidates(page, { iceServers: room.iceServers, iceTransportPolicy: room.iceTransportPolicy });
    expect(candidates, `${url} ${secret === coturn.secret ? 'right' : 'wrong'} secret`).toEqual(expected);
    await server.close();
    server = undefined;
  }
});

// Hazard H03: a dropped call comes back by itself and the visit stays open
it('connects relay-only through coturn over UDP', async () => {
  const { tablet, visitor } = await visitorWaitingThrough(coturn.urls.udp, coturn.secret);
  await expectRelayedCall(tablet, visitor, 'udp');
  await tablet.getByText(/^In call \d+:\d\d$/).waitFor();
});

// Hazard H03: a dropped call comes back by itself and the visit stays open
it('connects relay-only through coturn over TCP, as where a guest network blocks UDP', async () => {
  const { tablet, visitor } = await visitorWaitingThrough(coturn.urls.tcp, coturn.secret);
  await expectRelayedCall(tablet, visitor, 'tcp');
});

// Hazard H03: a dropped call comes back by itself and the visit stays open
it('says so on both screens when the TURN secret is wrong: the call never connects', async () => {
  const wrongSecret = `not-${coturn.secret}-the-one-coturn-has`;
  const { tablet, visitor } = await visitorWaitingThrough(coturn.urls.udp, wrongSecret);
  const heardBefore = coturn.output().length;
  await admit(tablet, 'Jo');
  await visitor.getByRole('heading', { name: 'Connection problem' }).waitFor({ timeout: FAILURE_SHOWN_WITHIN_MS });
  expect(await visitor.getByText('The call could not connect.').isVisible()).toBe(true);
  expect(await visitor.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
  await tablet.getByRole('button', { name: 'Try again with Jo' }).waitFor({ timeout: FAILURE_SHOWN_WITHIN_MS });
  expect(await tablet.getByText('The call with Jo could not connect.').isVisible()).toBe(true);
  // Nothing got through: no connection ever reached "connected", no frame was decoded.
  for (const page of [tablet, visitor]) {
    for (const stats of await readConnectionStats(page)) {
      expect(stats.connectionState).not.toBe('connected');
      expect(stats.framesDecoded).toBe(0);
    }
  }
  // coturn refused the credentials (its log names only the opaque username, never a person).
  expect(coturn.output().slice(heardBefore)).toMatch(/check_stun_auth: Cannot find credentials of user <\d+:[\w-]+>/);
});
