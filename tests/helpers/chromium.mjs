// Debian's Chromium and the flags every browser test and benchmark launches it with. Plain
// JavaScript (types in chromium.d.mts) because the benchmarks run under bare node and import
// it as it is; the tests import it too, so the two can never drift apart.
import { chromium } from 'playwright-core';

/** Browser downloads are impossible on these machines: Debian's package is the browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, and nothing that reaches out on its own (updates, sync, QUIC probes). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What a call needs on top: a fake camera and microphone, and ICE on a loopback-only network. */
export const CALL_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  // Inside the namespace only loopback exists: without these two Chromium gathers no ICE candidates.
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
];

/** The ward tablet, and the smallest phone we support. */
export const VIEWPORTS = {
  tablet: { width: 768, height: 1024 },
  phone: { width: 375, height: 667 },
};

export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Chromium for calls; extra flags (such as more fake cameras) come last, so they win. */
export function launchCallChromium(extraArgs = []) {
  return launchChromium([...CALL_ARGS, ...extraArgs]);
}

/** A fresh context (its own storage) on `origin` with camera and microphone allowed, as after a "yes" to the prompt. */
export async function newCallContext(browser, origin, viewport = VIEWPORTS.tablet) {
  const context = await browser.newContext({ viewport, baseURL: origin });
  await context.grantPermissions(['camera', 'microphone'], { origin });
  return context;
}
