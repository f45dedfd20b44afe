// Self-test of the call harness (tests/helpers/call-browser.ts) in real Chromium inside the
// loopback-only namespace: two contexts make a bare RTCPeerConnection call with fake media, the
// test passing the offer and answer between them. If this fails, the product's call tests
// cannot be trusted either.
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inboundAudioEnergy,
  installPeerConnectionProbe,
  launchCallBrowser,
  newCallContext,
  peerConnectionCount,
  selectedCandidatePairType,
  waitForFramesRising,
} from '../helpers/call-browser.js';

const MEDIA_TIMEOUT_MS = 15_000;

/** One side of the call: camera and microphone, a peer connection, the remote video on screen. Offers, or answers `offer`. */
async function callSide(offer: RTCSessionDescriptionInit | null): Promise<RTCSessionDescriptionInit> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  const pc = new RTCPeerConnection({ iceServers: [] });
  for (const track of stream.getTracks()) pc.addTrack(track, stream);
  // Not muted: Chromium measures received audio energy at playout.
  const video = document.createElement('video');
  video.autoplay = true;
  document.body.append(video);
  pc.ontrack = ({ streams }) => (video.srcObject = streams[0] ?? null);
  if (offer) await pc.setRemoteDescription(offer);
  await pc.setLocalDescription();
  // No trickle: the description carries every candidate once gathering is complete.
  if (pc.iceGatheringState !== 'complete') {
    await new Promise((done) => pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && done(null)));
  }
  return pc.localDescription!.toJSON();
}

describe('call harness (Chromium, fake media, loopback-only network)', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // getUserMedia needs a secure context; http://127.0.0.1 is one. An empty page is enough.
    server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>call</title>'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchCallBrowser();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  async function openSide(): Promise<Page> {
    const context = await newCallContext(browser, origin);
    contexts.push(context);
    await installPeerConnectionProbe(context);
    const page = await context.newPage();
    await page.goto('/');
    return page;
  }

  it('two contexts call each other: video and sound flow both ways on one recorded connection each', async () => {
    const [caller, callee] = await Promise.all([openSide(), openSide()]);
    const offer = await caller.evaluate(callSide, null);
    const answer = await callee.evaluate(callSide, offer);
    await caller.evaluate((answer) => window.__peerConnections![0]!.setRemoteDescription(answer), answer);

    for (const page of [caller, callee]) {
      expect(await waitForFramesRising(page, { min: 10, timeoutMs: MEDIA_TIMEOUT_MS })).toBeGreaterThanOrEqual(10);
      await expect.poll(() => inboundAudioEnergy(page), { timeout: MEDIA_TIMEOUT_MS }).toBeGreaterThan(0);
      expect(await peerConnectionCount(page)).toBe(1);
      expect(await selectedCandidatePairType(page)).toMatchObject({ local: 'host', remote: 'host', protocol: 'udp' });
    }
  });
});
