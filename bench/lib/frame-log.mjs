// Remote video frames as the pages showed them, for the reconnect benchmark: every frame's time
// (epoch ms, from requestVideoFrameCallback on each <video> showing a remote track) and the
// page's peer connections, recorded from before the page's own scripts run.
import { newCallContext, VIEWPORTS } from '../../tests/helpers/chromium.mjs';

/** How long a call may take to show frames both ways again before a run counts as broken. */
export const HEALTHY_WITHIN_MS = 60_000;
/** A frame this recent means the picture is moving now. */
const FRESH_FRAME_MS = 200;
/** Frames a healthy call shows in a second at the least (the fake camera sends about 30). */
const HEALTHY_FRAMES_PER_SECOND = 10;

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Runs in every page: window.__frameLog (remote frame times) and window.__benchPcs (peer connections). */
function frameLogProbe() {
  const Native = window.RTCPeerConnection;
  if (!Native || window.__frameLog) return;
  const remoteTracks = new WeakSet();
  const watched = new WeakSet();
  const log = (window.__frameLog = []);
  const connections = (window.__benchPcs = []);
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      connections.push(this);
      this.addEventListener('track', ({ track }) => { if (track.kind === 'video') remoteTracks.add(track); });
    }
  };
  const watch = (video) => {
    const onFrame = (now) => {
      const tracks = video.srcObject instanceof MediaStream ? video.srcObject.getVideoTracks() : [];
      if (tracks.some((track) => remoteTracks.has(track))) log.push(performance.timeOrigin + now);
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };
  // The product may render a new <video> for a rebuilt peer: keep looking.
  setInterval(() => {
    for (const video of document.querySelectorAll('video')) {
      if (watched.has(video)) continue;
      watched.add(video);
      watch(video);
    }
  }, 50);
}

/** A page in a fresh camera-allowed context, logging its remote frames. */
export async function newFrameLoggedPage(browser, origin, viewport = VIEWPORTS.tablet) {
  const context = await newCallContext(browser, origin, viewport);
  await context.addInitScript(frameLogProbe);
  return context.newPage();
}

export const framesSince = (page, since) => page.evaluate((since) => window.__frameLog.filter((at) => at > since), since);

/** The ICE connection state of each of the page's peer connections, oldest first. */
export const connectionStates = (page) => page.evaluate(() => window.__benchPcs.map((pc) => `${pc.iceConnectionState}`).join('/'));

/** The selected pair's local and remote ports on the page's newest open connection. */
export function selectedPorts(page) {
  return page.evaluate(async () => {
    const pc = window.__benchPcs.filter((each) => each.connectionState !== 'closed').at(-1);
    if (!pc) return null;
    const stats = [];
    (await pc.getStats()).forEach((entry) => stats.push(entry));
    const byId = new Map(stats.map((entry) => [entry.id, entry]));
    const pair = byId.get(stats.find((entry) => entry.type === 'transport')?.selectedCandidatePairId);
    if (!pair) return null;
    return [byId.get(pair.localCandidateId).port, byId.get(pair.remoteCandidateId).port];
  });
}

/** Polls until both pages have shown a remote frame after `since`; resolves to the later first frame (or null). */
export async function nextFrameOnBoth(pages, since, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const firsts = await Promise.all(pages.map(async (page) => (await framesSince(page, since))[0] ?? null));
    if (firsts.every((at) => at !== null)) return Math.max(...firsts);
    if (Date.now() > deadline) return null;
    await sleep(50);
  }
}

/** Both pages showing remote frames continuously for a second. */
export async function framesFlowing(pages) {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  for (;;) {
    const since = Date.now() - 1_000;
    const logs = await Promise.all(pages.map((page) => framesSince(page, since)));
    if (logs.every((log) => log.length >= HEALTHY_FRAMES_PER_SECOND && Date.now() - log.at(-1) < FRESH_FRAME_MS)) return;
    if (Date.now() > deadline) throw new Error('the call never became healthy between runs');
    await sleep(250);
  }
}
