import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { VIEWPORTS } from './browser.js';
import { startSilentPulseAudio, type SilentPulseAudio } from './pulseaudio.js';

/**
 * Debian's firefox-esr for call tests, driven by puppeteer-core over WebDriver BiDi: a second
 * browser engine for the visitor, since families join from their own phones. Headless, with a
 * fresh profile, a fake camera and microphone, and a private silent PulseAudio (PLATFORM.md,
 * "Second browser engine"). Run inside the loopback-only namespace, like every call test.
 */

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** What Firefox needs to make a call on loopback, headless (each one measured; see PLATFORM.md). */
export const FIREFOX_CALL_PREFS: Record<string, unknown> = {
  // Firefox's own fake camera (a moving picture) and microphone (a tone).
  'media.navigator.streams.fake': true,
  // A stored "Allow", as after the visitor said yes. Without it Firefox offers only its
  // default-route address as an ICE candidate, and in the namespace there is none.
  'permissions.default.camera': 1,
  'permissions.default.microphone': 1,
  // The namespace has only 127.0.0.1: allow it as a candidate, and show it rather than an mDNS name
  // (the same two things Chromium needs --allow-loopback-in-peer-connection and the mDNS flag for).
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  // Scrollbars drawn over the page, as on a phone, not a desktop gutter beside it (nhsuk-frontend
  // always asks for a vertical scrollbar): the screenshots then show a phone's full width.
  'ui.useOverlayScrollbars': 1,
};

declare global {
  interface Window {
    /** Every Content-Security-Policy violation the page reported (recordProblems). */
    __cspViolations?: string[];
  }
}

/** One Firefox with its sound server; `close` stops both and removes the profile. */
export interface Firefox {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<Firefox> {
  const profile = mkdtempSync(join(tmpdir(), 'wvv-firefox-'));
  let pulse: SilentPulseAudio | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await pulse?.stop();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    pulse = await startSilentPulseAudio();
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: FIREFOX_CALL_PREFS,
      // HOME too, so Firefox writes nothing outside its temporary profile.
      env: { ...process.env, HOME: profile, PULSE_SERVER: pulse.address },
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, close };
}

/** What went wrong on a page since it opened: console errors, uncaught errors, CSP violations. */
export interface PageProblems {
  errors: string[];
  cspViolations(): Promise<string[]>;
}

/** A new phone-sized page that records every problem from before its first script runs. */
export async function newFirefoxPage(firefox: Firefox): Promise<{ page: Page; problems: PageProblems }> {
  const page = await firefox.browser.newPage();
  await page.setViewport(VIEWPORTS.phone);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`));
  });
  return { page, problems: { errors, cspViolations: () => page.evaluate(() => window.__cspViolations ?? []) } };
}

/** How many frames a video element has painted (Firefox only: totalVideoFrames stays 0 for live streams). */
export function paintedFrames(page: Page, label: string): Promise<number> {
  return page.evaluate((label) => {
    const video = document.querySelector(`video[aria-label="${CSS.escape(label)}"]`) as (HTMLVideoElement & { mozPaintedFrames?: number }) | null;
    return video?.mozPaintedFrames ?? 0;
  }, label);
}

/** How often waitForPaintedFramesRising reads the count (the fake camera sends about 30 frames a second). */
const POLL_INTERVAL_MS = 250;

/**
 * Polls until the video labelled `label` has painted at least `min` more frames than at the first
 * read: the picture is moving on screen now. Throws with the last count on timeout.
 */
export async function waitForPaintedFramesRising(page: Page, label: string, { min, timeoutMs }: { min: number; timeoutMs: number }): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const from = await paintedFrames(page, label);
  for (;;) {
    await sleep(POLL_INTERVAL_MS);
    const now = await paintedFrames(page, label);
    if (now - from >= min) return now;
    if (Date.now() > deadline) throw new Error(`"${label}" painted ${now - from} frames within ${timeoutMs} ms, fewer than ${min}`);
  }
}
