import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../helpers/browser.js';
import { CALL_ARGS } from '../helpers/call-browser.js';
import { bookVisitForNow, joinAsVisitor } from '../helpers/call-journey.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';
import { openTablet } from '../helpers/tablet.js';

/**
 * Our Content-Security-Policy has no 'unsafe-eval', so no bundle may build code from a string
 * (eval, new Function). zod 4 probes `new Function('')` when its first object schema is made
 * unless it is told to run jitless: the browser refuses, reports a violation, and Firefox logs an
 * error on every page load. Each surface is loaded as its people load it, and listened to from
 * before its first script runs.
 */

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const server = useServer();
const browser = useBrowser(() => launchBrowser(CALL_ARGS));
beforeAll(async () => {
  // A fake camera and microphone, so the visitor can pass the device check.
});

/** A fresh context whose pages record every CSP violation and every console error from their start. */
async function listeningContext(viewport: { width: number; height: number } = VIEWPORTS.tablet): Promise<{ context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport, baseURL: server.url });
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`));
  });
  const errors: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  context.on('weberror', (error) => errors.push(error.error().message));
  return { context, errors };
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

it('the ward tablet signs in and shows its visit list without building code from a string', async () => {
  const { context, errors } = await listeningContext();
  const { page } = await openTablet(browser, server, { context });
  await page.getByRole('link', { name: 'Book a visit' }).waitFor();
  expect(await violations(page)).toEqual([]);
  expect(errors.filter((text) => /eval|content security policy/i.test(text))).toEqual([]);
});

it("the visitor's link leads through the device check to the waiting room without building code from a string", async () => {
  const { link } = await bookVisitForNow(server, { patientName: 'Csp Patient', visitorName: 'Csp Visitor' });
  const { context, errors } = await listeningContext(VIEWPORTS.phone);
  await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
  const page = await context.newPage();
  await joinAsVisitor(page, link, 'Csp Visitor');
  expect(await violations(page)).toEqual([]);
  expect(errors.filter((text) => /eval|content security policy/i.test(text))).toEqual([]);
});

it('the admin area opens its sign-in page without building code from a string', async () => {
  const { context, errors } = await listeningContext();
  const page = await context.newPage();
  await page.goto('/admin');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  expect(await violations(page)).toEqual([]);
  expect(errors.filter((text) => /eval|content security policy/i.test(text))).toEqual([]);
});

/**
 * A call of eval or Function, or `new Function`; not a property that happens to be named so
 * (uqr has an enum member `Function`).
 */
const BUILDS_CODE = /(?<![.\w$])(?:eval|Function)\s*\(|\bnew\s+Function\b/g;

it('no built script holds code that builds code from a string', () => {
  // The service worker runs under the same policy, but no page can listen inside it from its
  // start; and a page's lazy chunk may never run in the tests above. So every built file is
  // read: none may even contain the Function constructor or eval. The pages parse with
  // zod/mini, which has no compiler; classic zod (with its `new Function`) is the server's.
  const ui = resolve(import.meta.dirname, '../../dist/ui');
  const scripts = ['sw.js', ...readdirSync(resolve(ui, 'assets')).filter((name) => name.endsWith('.js')).map((name) => `assets/${name}`)];
  expect(scripts.length).toBeGreaterThan(1);
  const found = scripts.flatMap((name) => (readFileSync(resolve(ui, name), 'utf8').match(BUILDS_CODE) ?? []).map((match) => `${name}: ${match}`));
  expect(found).toEqual([]);
});
