import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { liveHandle } from './live-handle.js';

/**
 * The test file's Chromium: launched before its first test and closed after its last (before
 * the server, when useServer was called first). `launch` chooses the flags, e.g.
 * `() => launchCallBrowser()` for calls.
 */
export function useBrowser(launch: () => Promise<Browser> = () => launchBrowser()): Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return liveHandle('The browser', () => browser);
}
