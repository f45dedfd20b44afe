// Offline start of the ward tablet: in Chromium, with no network and the server stopped, the
// time from navigation start until a screen's "ready" element is on screen, served by the
// service worker. Baseline in the same run: a trivial document from the same worker's precache.
// Medians over RUNS navigations each, with the worker already running (warm) and just stopped
// (cold, as when the tablet is woken in the morning).
//
// The measured screen by default is the visit list with VISITS visits read from IndexedDB,
// ready when the last row is on screen.
//
// Run: npm run build && node bench/offline-start.mjs [--page /] [--ready <css>] [--runs 10]
// (--page and --ready are the measured screen and a CSS selector for "it is ready".)
import { parseArgs } from 'node:util';
import { signedInTablet, startBenchServer } from './lib/harness.mjs';
import { hospitalDate } from './lib/hospital-time.mjs';
import { median } from './lib/statistics.mjs';

const VISITS = 100;
const { values: args } = parseArgs({
  options: {
    page: { type: 'string', default: '/' },
    ready: { type: 'string', default: `tbody .app-visit-row:nth-child(${VISITS})` },
    runs: { type: 'string', default: '10' },
  },
});
const RUNS = Number(args.runs);
const WARMUP = 2;
/** A precached file with nothing to run: the floor for "the worker answered and it painted". */
const BASELINE = { page: '/assets/images/nhsuk-icon-cross.svg', ready: 'svg' };
const MEASURED = { page: args.page, ready: args.ready };

// Runs in every document before its own scripts: once the ready element exists, waits for the
// next frame and records the time just after it (rAF runs before that frame's paint; a message
// posted from it is handled after). Relative to performance.timeOrigin, the navigation start.
function watchForReady() {
  const selector = globalThis.__benchReady;
  if (!selector) return;
  const record = () => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        globalThis.__benchReadyAt = performance.now();
        globalThis.__benchReadyText = document.querySelector(selector)?.textContent?.trim().slice(0, 60);
      };
      channel.port2.postMessage(null);
    });
  };
  if (document.querySelector(selector)) return record();
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    record();
  });
  observer.observe(document, { childList: true, subtree: true });
}

// Sign in, book the visits and let the tablet copy them to IndexedDB, install the worker
// online, then take the network and the server away.
const server = await startBenchServer();
const { browser, context, page: installer } = await signedInTablet(server.url);
const tomorrow = hospitalDate(1);
for (let i = 0; i < VISITS; i++) {
  const time = `${String(7 + Math.floor(i / 12)).padStart(2, '0')}:${String((i % 12) * 5).padStart(2, '0')}`;
  const fields = { patientName: `Patient ${i}`, bed: String(i), visitorName: `Visitor ${i}`, visitorMobile: null, visitorEmail: null, date: tomorrow, time, lengthMinutes: 30, repeatDays: 1 };
  const answer = await installer.request.post('/api/commands', { data: { type: 'book', key: crypto.randomUUID(), visitIds: [crypto.randomUUID()], fields } });
  if (!answer.ok()) throw new Error(`booking failed: ${answer.status()} ${await answer.text()}`);
}
await installer.reload();
await installer.locator(MEASURED.ready).waitFor({ state: 'attached' });
await installer.evaluate(async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
});
await context.setOffline(true);
await server.stop();
const cdp = await context.newCDPSession(installer);
await cdp.send('ServiceWorker.enable');

/** What the ready element said, so the figures say which screen they measured. */
const shown = new Map();

async function timeToReady({ page: path, ready }, cold) {
  if (cold) await cdp.send('ServiceWorker.stopAllWorkers');
  const page = await context.newPage();
  await page.addInitScript(`globalThis.__benchReady = ${JSON.stringify(ready)}; (${watchForReady})();`);
  const response = await page.goto(path);
  if (!response?.fromServiceWorker()) throw new Error(`${path} was not answered by the service worker`);
  const handle = await page.waitForFunction(() => globalThis.__benchReadyAt, undefined, { timeout: 10_000 });
  const ms = await handle.jsonValue();
  shown.set(path, await page.evaluate(() => globalThis.__benchReadyText));
  await page.close();
  return ms;
}

const times = { 'baseline warm': [], 'measured warm': [], 'baseline cold': [], 'measured cold': [] };
for (let i = 0; i < WARMUP + RUNS; i++) {
  // Interleaved, so both sides see the same moments of a noisy machine.
  for (const cold of [false, true]) {
    const worker = cold ? 'cold' : 'warm';
    const baseline = await timeToReady(BASELINE, cold);
    const measured = await timeToReady(MEASURED, cold);
    if (i < WARMUP) continue;
    times[`baseline ${worker}`].push(baseline);
    times[`measured ${worker}`].push(measured);
  }
}

const version = browser.version();
await browser.close();
await server.close();

console.log(`Chromium ${version}, offline, served by the service worker; median of ${RUNS} after ${WARMUP} warm-up\n`);
console.log(`Measured screen ${MEASURED.page}: \`${MEASURED.ready}\` read "${shown.get(MEASURED.page)}"\n`);
console.log('| page (ready when) | worker | median ms | vs baseline |');
console.log('| --- | --- | ---: | ---: |');
for (const worker of ['warm', 'cold']) {
  const base = median(times[`baseline ${worker}`]);
  const measured = median(times[`measured ${worker}`]);
  console.log(`| ${BASELINE.page} (\`${BASELINE.ready}\`, baseline) | ${worker} | ${base.toFixed(0)} | 1.0× |`);
  console.log(`| ${MEASURED.page} (\`${MEASURED.ready}\`) | ${worker} | ${measured.toFixed(0)} | ${(measured / base).toFixed(1)}× |`);
}
