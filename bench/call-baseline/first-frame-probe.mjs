// When does a person first SEE the other side? Shared by the baseline and product runners of
// bench/call-setup.mjs, so both are timed the same way whatever their page looks like.
//
// An init script wraps RTCPeerConnection (behaviour unchanged) to learn which video tracks are
// remote, watches for a <video> showing one of them, and takes the first
// requestVideoFrameCallback on it: the moment the first remote frame is presented. Measured
// here: getStats() framesDecoded > 0 lags that by 25–100 ms (its polling and stats caching),
// so it is not used. Times are epoch milliseconds with sub-millisecond precision
// (performance.timeOrigin + performance.now()), comparable between the pages of one machine.

/** How often the page looks for a <video> showing a remote track (only until it finds one). */
const VIDEO_LOOKUP_INTERVAL_MS = 5;

function firstFrameProbe(lookupIntervalMs) {
  const Native = window.RTCPeerConnection;
  if (!Native || window.__firstFrame) return;
  const epochNow = () => performance.timeOrigin + performance.now();
  const remoteTracks = new WeakSet();
  const watched = new WeakSet();
  const state = (window.__firstFrame = { at: null, goAt: null });
  let timer = null;

  function lookForVideo() {
    for (const video of document.querySelectorAll('video')) {
      const tracks = video.srcObject instanceof MediaStream ? video.srcObject.getVideoTracks() : [];
      if (watched.has(video) || !tracks.some((track) => remoteTracks.has(track))) continue;
      watched.add(video);
      video.requestVideoFrameCallback((now) => {
        state.at ??= performance.timeOrigin + now;
        clearInterval(timer);
      });
    }
  }

  class ProbedPeerConnection extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('track', ({ track }) => {
        if (track.kind !== 'video' || state.at !== null) return;
        remoteTracks.add(track);
        timer ??= setInterval(lookForVideo, lookupIntervalMs);
      });
    }
  }
  window.RTCPeerConnection = ProbedPeerConnection;
  if ('webkitRTCPeerConnection' in window) window.webkitRTCPeerConnection = ProbedPeerConnection;

  // "Go" for a product page is a person's click (Admit): the next trusted click is the mark.
  window.__firstFrame.markNextClick = () =>
    document.addEventListener('click', (event) => { if (event.isTrusted) state.goAt ??= epochNow(); }, { capture: true, once: true });
}

/** Installs the probe in every page of the context, before the page's own scripts. */
export function installFirstFrameProbe(context) {
  return context.addInitScript(firstFrameProbe, VIDEO_LOOKUP_INTERVAL_MS);
}

/** The page's clock now, in the probe's units (for a "go" the runner triggers itself). */
export function pageNow(page) {
  return page.evaluate(() => performance.timeOrigin + performance.now());
}

/** For a product runner: the next trusted click in the page (e.g. Admit) becomes "go". */
export function markGoOnNextClick(page) {
  return page.evaluate(() => window.__firstFrame.markNextClick());
}

/** The "go" recorded by markGoOnNextClick. */
export async function readGoAt(page) {
  const at = await page.evaluate(() => window.__firstFrame.goAt);
  if (at === null) throw new Error('no click was recorded as go: call markGoOnNextClick before clicking');
  return at;
}

/** Waits for the first remote frame shown in the page; resolves to its time. */
export async function waitForFirstRemoteFrame(page, timeoutMs) {
  const handle = await page.waitForFunction(() => window.__firstFrame?.at ?? false, null, { timeout: timeoutMs, polling: 20 });
  return handle.jsonValue();
}
