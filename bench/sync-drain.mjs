// Outbox drain: COMMANDS changes queued on an offline tablet, then the network returns. Time
// from going online until the outbox is empty, and the server's count of applied commands
// (must be exactly COMMANDS). Baseline in the same run: the same number of bookings posted
// one after another by a plain fetch loop in the same page, with no outbox, no IndexedDB.
//
// Run: npm run build && node bench/sync-drain.mjs [--commands 500]
import { parseArgs } from 'node:util';
import { DEMO_WARD, signedInTablet, startBenchServer } from './lib/harness.mjs';
import { hospitalDate } from './lib/hospital-time.mjs';

const { values: args } = parseArgs({ options: { commands: { type: 'string', default: '500' } } });
const COMMANDS = Number(args.commands);

const server = await startBenchServer();
const { db } = server;
const { browser, context, page } = await signedInTablet(server.url);

/** Bookings for the day after tomorrow, one a minute from 07:00, each with its own key and id. */
function bookings(count, label) {
  const date = hospitalDate(2);
  return Array.from({ length: count }, (_, i) => ({
    type: 'book',
    key: crypto.randomUUID(),
    visitIds: [crypto.randomUUID()],
    fields: {
      patientName: `${label} ${i}`, bed: null, visitorName: 'Bench visitor', visitorMobile: null, visitorEmail: null,
      date, time: `${String(7 + Math.floor(i / 60) % 16).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      lengthMinutes: 30, repeatDays: 1,
    },
  }));
}

async function appliedKeys() {
  const row = await db.selectFrom('idempotency_keys').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

// Baseline: a plain loop of fetches from the same origin, in a page without the app running.
await page.goto('/robots.txt');
const baselineMs = await page.evaluate(async (commands) => {
  const started = performance.now();
  for (const command of commands) {
    const response = await fetch('/api/commands', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(command) });
    if (!response.ok) throw new Error(`baseline command failed: ${response.status}`);
  }
  return performance.now() - started;
}, bookings(COMMANDS, 'Baseline'));
const afterBaseline = await appliedKeys();
await page.goto('/');
await page.getByRole('heading', { level: 1, name: DEMO_WARD.wardName }).waitFor();

// The outbox: queued while offline, written as the app writes them, then the network returns.
await context.setOffline(true);
await page.evaluate(async (commands) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('ward-visits');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction('outbox', 'readwrite');
  for (const command of commands) tx.objectStore('outbox').add({ command, madeAt: new Date().toISOString(), refusal: null });
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}, bookings(COMMANDS, 'Queued'));

// Starts watching in the page (the clock starts at the page's own 'online' event), then
// gives the network back.
const drained = page.evaluate(async () => {
  const outboxCount = () =>
    new Promise((resolve) => {
      const request = indexedDB.open('ward-visits');
      request.onsuccess = () => {
        const count = request.result.transaction('outbox').objectStore('outbox').count();
        count.onsuccess = () => {
          request.result.close();
          resolve(count.result);
        };
      };
    });
  let onlineAt;
  window.addEventListener('online', () => (onlineAt = performance.now()), { once: true });
  return new Promise((resolve) => {
    const poll = async () => {
      if (onlineAt !== undefined && (await outboxCount()) === 0) resolve(performance.now() - onlineAt);
      else setTimeout(poll, 10);
    };
    void poll();
  });
});
await page.waitForTimeout(200);
await context.setOffline(false);
const drainMs = await drained;
const applied = (await appliedKeys()) - afterBaseline;

const version = browser.version();
await browser.close();
await server.close();

console.log(`Chromium ${version}, Node ${process.version}, ${COMMANDS} bookings, loopback\n`);
console.log('| what | total ms | per command ms | vs baseline |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| plain fetch loop from the page (baseline) | ${baselineMs.toFixed(0)} | ${(baselineMs / COMMANDS).toFixed(2)} | 1.0× |`);
console.log(`| outbox drain, online event to empty | ${drainMs.toFixed(0)} | ${(drainMs / COMMANDS).toFixed(2)} | ${(drainMs / baselineMs).toFixed(1)}× |`);
console.log(`\nCommands the server applied from the outbox: ${applied} (must be ${COMMANDS})`);
if (applied !== COMMANDS) process.exitCode = 1;
