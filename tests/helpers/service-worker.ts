import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORTS } from './browser.js';

const BUILT_UI = resolve(import.meta.dirname, '../../dist/ui');

/**
 * A browser with an ordinary (not incognito) profile in a temporary folder: Chromium refuses
 * to install apps from incognito contexts (installability error "in-incognito"), which is
 * what `browser.newContext()` makes. `close()` ends the browser and removes the profile.
 */
export async function launchProfileContext(baseURL: string): Promise<{ context: BrowserContext; profile: string; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'wvv-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORTS.tablet,
    baseURL,
  });
  return {
    context,
    profile,
    async close() {
      await context.close();
      // Chromium may still be writing its cache for a moment after the context closes.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** Resolves once a service worker controls the page (the first install claims it: see sw.ts). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
  });
}

/** The build stamp of the worker controlling the page: its answer to GET_VERSION (src/shared/sw-messages.ts). */
export async function controllingWorkerVersion(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((answer, fail) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) return fail(new Error('No service worker controls the page'));
        const channel = new MessageChannel();
        channel.port1.onmessage = (event: MessageEvent<{ type: string; version: string }>) => answer(event.data.version);
        controller.postMessage({ type: 'GET_VERSION' }, [channel.port2]);
      }),
  );
}

/** A copy of the built UI that a test may change, as a deployment of a new build would. */
export interface UiCopy {
  dir: string;
  /** Rewrites sw.js with a new build stamp: the browser sees a byte-different worker, a new version. */
  stampWorker(from: string, to: string): void;
  remove(): void;
}

const PRECOMPRESS = resolve(import.meta.dirname, '../../scripts/precompress.mjs');

export function copyBuiltUi(): UiCopy {
  const dir = mkdtempSync(join(tmpdir(), 'wvv-ui-'));
  cpSync(BUILT_UI, dir, { recursive: true });
  const worker = join(dir, 'sw.js');
  return {
    dir,
    stampWorker(from, to) {
      const source = readFileSync(worker, 'utf8');
      if (!source.includes(from)) throw new Error(`sw.js does not contain the build stamp ${from}`);
      writeFileSync(worker, source.replaceAll(from, to));
      // A new build writes new .br and .gz copies too; without them the server keeps sending the old worker.
      execFileSync(process.execPath, [PRECOMPRESS, dir]);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
