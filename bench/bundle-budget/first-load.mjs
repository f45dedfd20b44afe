// What a real browser (Debian's Chromium) fetches for each page's first load, read from the
// page's own Resource Timing entries, with each file's size taken from dist/ui.
//
// - ward: /sign-in, then signing in with the demo ward, up to the moment the visit list is in
//   the page (everything sign-in and the list pulled in counts, the live-update socket too). What
//   it asks for after that (on a first load only: the screens it needs offline, fetched before
//   the service worker has them) is reported as "later". Call code loads at "Start visit", so it
//   must appear in neither.
// - visitor: an open join link, up to the moment "Check your camera and microphone" is in the
//   page. What the page asks for after that (the device check and call screens, fetched while
//   the visitor reads the rules) is reported as "later", outside the budget.
// - admin: /admin until its sign-in form is on screen and settled.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_WARD, startBenchServer } from '../lib/harness.mjs';
import { compressedSizes } from './sizes.mjs';

const root = resolve(import.meta.dirname, '../..');
const uiDir = join(root, 'dist/ui');
const { instantToLocal } = await import(join(root, 'dist/node/shared/local-time.js'));

/** A lazy chunk asked for right after a render still counts if it starts within this quiet time. */
const SETTLE_MS = 1_500;
/** The visit is booked this far ahead, so its link is open (a link opens 15 minutes early). */
const MINUTES_AHEAD = 5;
const HOSPITAL_TIME_ZONE = 'Europe/London';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Runs before the page's own scripts: notes when the first element matching the selector is
// added. A MutationObserver callback runs right after the render that added it, before any
// effect the render scheduled, so a fetch started by such an effect is always "later".
function watchForReady(selector) {
  const record = () => {
    if (globalThis.__readyAt === undefined) globalThis.__readyAt = performance.now();
  };
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) {
      record();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

function resourcesOf(page) {
  return page.evaluate(() => ({
    readyAt: globalThis.__readyAt ?? null,
    entries: performance.getEntriesByType('resource').map((e) => ({ url: e.name, startTime: e.startTime, initiator: e.initiatorType })),
  }));
}

/** Waits until no new script or stylesheet has been asked for in SETTLE_MS. */
async function settle(page) {
  let count = -1;
  for (;;) {
    const { entries } = await resourcesOf(page);
    const files = entries.filter((e) => /\.(js|css)$/.test(new URL(e.url).pathname)).length;
    if (files === count) return;
    count = files;
    await page.waitForTimeout(SETTLE_MS);
  }
}

/** Sums one page's requests: JS and CSS from the built files, and the count of every request. */
function tally(name, entries, readyAt) {
  const first = readyAt === null ? entries : entries.filter((e) => e.startTime < readyAt);
  const later = readyAt === null ? [] : entries.filter((e) => e.startTime >= readyAt);
  const sum = (list, extension) => {
    const files = [...new Set(list.map((e) => new URL(e.url).pathname).filter((p) => p.endsWith(extension)))];
    const sizes = files.map((p) => ({ path: p, ...fileSizes(p) }));
    return {
      files: sizes,
      raw: sizes.reduce((a, s) => a + s.raw, 0),
      gzip: sizes.reduce((a, s) => a + s.gzip, 0),
      brotli: sizes.reduce((a, s) => a + s.brotli, 0),
    };
  };
  return {
    page: name,
    js: sum(first, '.js'),
    css: sum(first, '.css'),
    // The document itself, plus every request the page made (scripts, styles, API, socket, images).
    requests: 1 + first.length,
    scriptRequests: first.filter((e) => new URL(e.url).pathname.endsWith('.js')).length,
    later: sum(later, '.js'),
  };
}

function fileSizes(path) {
  const file = join(uiDir, path);
  if (!existsSync(file)) throw new Error(`The page asked for ${path}, which is not in dist/ui`);
  return compressedSizes(file);
}

async function bookOpenVisit(url) {
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ wardCode: DEMO_WARD.wardCode, pin: DEMO_WARD.pin }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const when = instantToLocal(new Date(Date.now() + MINUTES_AHEAD * 60_000), HOSPITAL_TIME_ZONE);
  const command = {
    type: 'book', key: crypto.randomUUID(), visitIds: [crypto.randomUUID()],
    fields: { patientName: 'Budget Patient', bed: null, visitorName: 'Budget Visitor', visitorMobile: null, visitorEmail: null,
      date: when.date, time: when.time, lengthMinutes: 30, repeatDays: 1 },
  };
  const booked = await fetch(`${url}/api/commands`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(command) });
  if (!booked.ok) throw new Error(`booking failed: ${booked.status} ${await booked.text()}`);
  const { visits } = await booked.json();
  const link = await fetch(`${url}/api/visits/${visits[0].id}/join-link`, { headers: { cookie } });
  return (await link.json()).url;
}

async function freshPage(browser, url, readySelector) {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, baseURL: url });
  await context.addInitScript(watchForReady, readySelector);
  return { context, page: await context.newPage() };
}

/** Measures the three pages on a fresh server; each page in a fresh browser context (no cache). */
export async function measureFirstLoads() {
  const server = await startBenchServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const results = [];

    // The "Book a visit" link is on the visit list only.
    const ward = await freshPage(browser, server.url, 'a[href="/visits/new"]');
    await ward.page.goto('/sign-in');
    await ward.page.getByLabel('Ward code').fill(DEMO_WARD.wardCode);
    await ward.page.getByLabel('PIN').fill(DEMO_WARD.pin);
    await ward.page.getByRole('button', { name: 'Sign in' }).click();
    await ward.page.getByRole('heading', { level: 1, name: DEMO_WARD.wardName }).waitFor();
    await ward.page.getByRole('link', { name: 'Book a visit' }).waitFor();
    await settle(ward.page);
    const listed = await resourcesOf(ward.page);
    if (listed.readyAt === null) throw new Error('The ward never showed its visit list');
    results.push(tally('ward', listed.entries, listed.readyAt));
    await ward.context.close();

    const link = await bookOpenVisit(server.url);
    const visitor = await freshPage(browser, server.url, 'button.nhsuk-button');
    await visitor.page.goto(link);
    await visitor.page.getByRole('button', { name: 'Check your camera and microphone' }).waitFor();
    await settle(visitor.page);
    const seen = await resourcesOf(visitor.page);
    if (seen.readyAt === null) throw new Error('The visitor page never showed its start button');
    results.push(tally('visitor', seen.entries, seen.readyAt));
    await visitor.context.close();

    const admin = await freshPage(browser, server.url, 'h1');
    await admin.page.goto('/admin');
    await admin.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await settle(admin.page);
    results.push(tally('admin', (await resourcesOf(admin.page)).entries, null));
    await admin.context.close();

    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}
