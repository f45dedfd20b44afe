// Reconnection: how long the pictures are gone when the network breaks under a call, for the
// product (ward tablet + visitor through the real UI and relay) beside a bare simple-peer call
// that only rebuilds its peer after failure, under the same fault in the same run. Issue 5's
// scenarios, 5 runs each (median and max), the later of the two sides in each run:
//
//   2. relay killed, restarted 5 s later on the same port: media is peer-to-peer, so the time to
//      "the next remote frame" is always one frame interval. What matters is whether frames
//      stop at all, so this row is the LONGEST GAP between remote frames from the kill until
//      5 s after both sockets are back (a healthy call shows 30–100 ms).
//   3. all UDP dropped for 5 s: network back → next remote frame.
//   4. all UDP dropped for 45 s (BENCH_LONG_OUTAGE_S to shorten): network back → next remote frame.
//   5. the selected pair's ports blocked for good: block → first remote frame after the outage
//      (the frame that ends the first gap longer than OUTAGE_GAP_MS after the block; frames
//      already on their way when the block starts do not count as "back").
//
// Frames are timed in the pages with requestVideoFrameCallback on every <video> showing a
// remote track (epoch ms); faults are iptables rules on the loopback of a private network
// namespace (the script re-executes itself through scripts/in-loopback-netns.sh, as root).
//
// Run: npm run build && npm run bench:reconnect
//   BENCH_RECONNECT_RUNS=N (default 5), BENCH_LONG_OUTAGE_S=S (default 45),
//   BENCH_SCENARIOS=2,3,4,5 (default all), BENCH_DEBUG=1 (per run: waits, frame gaps, paths)
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureLoopbackNamespace, median } from './lib/loopback.mjs';
import { Server } from 'socket.io';

const here = import.meta.dirname;
const root = resolve(here, '..');
const RUNS = Number(process.env.BENCH_RECONNECT_RUNS ?? 5);
const LONG_OUTAGE_MS = Number(process.env.BENCH_LONG_OUTAGE_S ?? 45) * 1000;
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? '2,3,4,5').split(',').map((s) => s.trim());
const SHORT_OUTAGE_MS = 5_000;
/** Scenario 2: how long the relay stays dead before it starts again. */
const RELAY_DOWN_MS = 5_000;
/** Scenario 2: how long frames are watched after both sockets are back. */
const AFTER_RELAY_BACK_MS = 5_000;
/** Scenario 5: a gap this long between frames is an outage (a healthy call shows well under 200 ms). */
const OUTAGE_GAP_MS = 500;
/** Scenario 5: media counts as back once frames have flowed this long after the outage. */
const RESUMED_MS = 2_000;
/** A run whose media is not back by then counts as failed (printed, not averaged). */
const GIVE_UP_MS = 120_000;
/** Between runs: the call is healthy again (frames both ways), then left alone this long. */
const SETTLE_MS = 5_000;
const HEALTHY_WITHIN_MS = 60_000;
/** Baseline: how soon the initiator builds a new peer after its old one failed (at once: the baseline at its best). */
const BASELINE_REBUILD_DELAY_MS = 0;

// Same flags as tests/helpers/call-browser.ts and bench/call-setup.mjs (PLATFORM.md).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required',
  '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns'];

// ── Faults (the same rules as tests/helpers/network-faults.ts) ───────────────────────────────
const CHAIN = 'WVV_BENCH_FAULTS';

function iptables(args, { ignoreFailure = false } = {}) {
  for (const command of ['iptables', 'ip6tables']) {
    try {
      execFileSync(command, args, { stdio: 'ignore' });
    } catch (error) {
      if (!ignoreFailure) throw new Error(`${command} ${args.join(' ')} failed: ${error}`);
    }
  }
}

function drop(rule) {
  iptables(['-N', CHAIN], { ignoreFailure: true });
  iptables(['-D', 'INPUT', '-j', CHAIN], { ignoreFailure: true });
  iptables(['-I', 'INPUT', '-j', CHAIN]);
  iptables(['-A', CHAIN, '-i', 'lo', ...rule, '-j', 'DROP']);
}

const dropAllUdp = () => drop(['-p', 'udp']);
const blockUdpPorts = (ports) => ports.forEach((port) => { drop(['-p', 'udp', '--dport', String(port)]); drop(['-p', 'udp', '--sport', String(port)]); });
const restoreNetwork = () => iptables(['-F', CHAIN], { ignoreFailure: true });

// ── In the pages: every remote video frame's time, and the peer connections ─────────────────
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

const framesSince = (page, since) => page.evaluate((since) => window.__frameLog.filter((at) => at > since), since);

/** The selected pair's local and remote ports on the page's newest open connection. */
function selectedPorts(page) {
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

async function newCallPage(browser, origin, viewport = { width: 768, height: 1024 }) {
  const context = await browser.newContext({ viewport, baseURL: origin });
  await context.grantPermissions(['camera', 'microphone'], { origin });
  await context.addInitScript(frameLogProbe);
  return context.newPage();
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const debug = (line) => process.env.BENCH_DEBUG && console.error(`    ${line}`);

/** Polls until both pages have shown a remote frame after `since`; resolves to the later first frame (or null). */
async function nextFrameOnBoth(pages, since, timeoutMs = GIVE_UP_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const firsts = await Promise.all(pages.map(async (page) => (await framesSince(page, since))[0] ?? null));
    if (firsts.every((at) => at !== null)) return Math.max(...firsts);
    if (Date.now() > deadline) return null;
    await sleep(50);
  }
}

/** Both pages showing remote frames continuously for a second. */
async function framesFlowing(pages) {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  for (;;) {
    const since = Date.now() - 1_000;
    const logs = await Promise.all(pages.map((page) => framesSince(page, since)));
    if (logs.every((log) => log.length >= 10 && Date.now() - log.at(-1) < 200)) return;
    if (Date.now() > deadline) throw new Error('the call never became healthy between runs');
    await sleep(250);
  }
}

function longestGap(frames, from, to) {
  const inside = frames.filter((at) => at >= from && at <= to);
  let longest = inside.length ? inside[0] - from : to - from;
  for (let i = 1; i < inside.length; i++) longest = Math.max(longest, inside[i] - inside[i - 1]);
  return inside.length ? Math.max(longest, to - inside.at(-1)) : longest;
}

/**
 * Scenario 5's measure on one side: the frame ending the longest gap after the block, once that
 * gap is an outage (OUTAGE_GAP_MS or more) and frames have flowed again for RESUMED_MS since.
 * The longest gap, not the first: frames already on their way keep arriving for a few hundred
 * ms after the block, and a busy machine can stall the page between them.
 */
function backAfterBlock(frames, blockedAt, now) {
  let back = null;
  let longest = 0;
  for (let i = 0; i < frames.length; i++) {
    if (frames[i] <= blockedAt) continue;
    const gap = frames[i] - Math.max(frames[i - 1] ?? blockedAt, blockedAt);
    if (gap > longest) [back, longest] = [frames[i], gap];
  }
  const flowing = frames.length > 0 && now - frames.at(-1) < OUTAGE_GAP_MS;
  return longest >= OUTAGE_GAP_MS && flowing && now - back >= RESUMED_MS ? back : null;
}

// ── The scenarios, for any call (product or baseline) ──────────────────────────────────────
/**
 * One measurement. `call` is { pages: [initiator, responder], healthy(), stopRelay(), startRelay(),
 * relaySockets() }. Resolves to milliseconds, or null when media did not come back.
 */
const MEASURES = {
  async 2(call) {
    const killedAt = Date.now();
    await call.stopRelay();
    await sleep(RELAY_DOWN_MS);
    const restartedAt = Date.now();
    await call.startRelay();
    const deadline = Date.now() + GIVE_UP_MS;
    while ((await call.relaySockets()) < 2 && Date.now() < deadline) await sleep(100);
    const backAt = Date.now();
    await sleep(AFTER_RELAY_BACK_MS);
    const until = Date.now();
    const gaps = await Promise.all(call.pages.map(async (page) => longestGap(await framesSince(page, killedAt - 1_000), killedAt, until)));
    for (const page of call.pages) {
      const frames = await framesSince(page, killedAt - 1_000);
      const big = frames.flatMap((at, i) => (i > 0 && at - frames[i - 1] > 150 ? [`${Math.round(frames[i - 1] - killedAt)}→${Math.round(at - killedAt)}`] : []));
      debug(`gaps over 150 ms (ms after the kill; restart at ${restartedAt - killedAt}, sockets back at ${backAt - killedAt}): ${big.join(', ') || 'none'}`);
    }
    return Math.max(...gaps);
  },
  async 3(call) {
    dropAllUdp();
    await sleep(SHORT_OUTAGE_MS);
    restoreNetwork();
    const backAt = Date.now();
    const frame = await nextFrameOnBoth(call.pages, backAt);
    return frame === null ? null : frame - backAt;
  },
  async 4(call) {
    dropAllUdp();
    await sleep(LONG_OUTAGE_MS);
    restoreNetwork();
    const backAt = Date.now();
    const frame = await nextFrameOnBoth(call.pages, backAt);
    return frame === null ? null : frame - backAt;
  },
  async 5(call) {
    const ports = await selectedPorts(call.pages[0]);
    if (!ports) throw new Error('no selected candidate pair to block');
    const blockedAt = Date.now();
    blockUdpPorts(ports);
    try {
      const deadline = blockedAt + GIVE_UP_MS;
      for (;;) {
        const backs = await Promise.all(call.pages.map(async (page) => backAfterBlock(await framesSince(page, blockedAt - 1_000), blockedAt, Date.now())));
        if (backs.every((at) => at !== null)) {
          const after = await selectedPorts(call.pages[0]);
          const connections = await Promise.all(call.pages.map((page) => page.evaluate(() => window.__benchPcs.map((pc) => `${pc.iceConnectionState}`).join('/'))));
          const frames = await Promise.all(call.pages.map(async (page) => (await framesSince(page, blockedAt - 200)).slice(0, 12).map((at) => Math.round(at - blockedAt)).join(' ')));
          debug(`blocked ${ports.join('+')}, now on ${after?.join('+')}; connections ${connections.join(' | ')}; frames after block (ms) ${frames.join(' | ')}`);
          return Math.max(...backs) - blockedAt;
        }
        if (Date.now() > deadline) return null;
        await sleep(100);
      }
    } finally {
      restoreNetwork();
    }
  },
};

const SCENARIO_NAMES = {
  2: 'relay killed and restarted (longest gap between frames)',
  3: `all UDP dropped ${SHORT_OUTAGE_MS / 1000} s (network back → next frame)`,
  4: `all UDP dropped ${LONG_OUTAGE_MS / 1000} s (network back → next frame)`,
  5: 'selected pair blocked for good (block → frame on the new path)',
};

async function measureScenario(scenario, makeCall, label) {
  const samples = [];
  const call = await makeCall(scenario);
  try {
    for (let run = 0; run < RUNS; run++) {
      const started = Date.now();
      await call.healthy();
      debug(`healthy after ${Date.now() - started} ms`);
      await sleep(SETTLE_MS);
      await call.healthy();
      const faultAt = Date.now();
      const ms = await MEASURES[scenario](call);
      debug(`measured in ${Date.now() - faultAt} ms`);
      restoreNetwork();
      console.error(`  ${label} scenario ${scenario} run ${run + 1}: ${ms === null ? 'media not back' : `${ms.toFixed(0)} ms`}`);
      samples.push(ms);
    }
  } finally {
    restoreNetwork();
    await call.close();
  }
  return samples;
}

// ── Baseline: bare simple-peer over a bare socket.io relay, rebuilding its peer after failure ──
// The relay is bench/call-baseline/relay.mjs's (join a room, forward `signal` untouched), started
// here so it can stop and start again on the same port for scenario 2. The page adds to
// bench/call-baseline/index.html only the rebuild: on 'close' or 'error' the initiator builds a
// new peer and signals again (the responder follows the initiator's newest generation, and asks
// for a rebuild if its own peer dies first). No ICE restart, no stall detection.
const BASELINE_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Bare simple-peer, rebuild on failure</title>
<video id="remote" autoplay playsinline muted width="320" height="240"></video>
<script src="/socket.io/socket.io.min.js"></script><script src="/simplepeer.min.js"></script>
<script>
  const params = new URLSearchParams(location.search);
  const initiator = params.get('role') === 'initiator';
  const remote = document.getElementById('remote');
  const socket = io();
  let stream = null, peer = null, generation = 0;
  function build(next) {
    if (peer) peer.destroy();
    generation = next;
    const own = new SimplePeer({ initiator, stream, config: { iceServers: [] } });
    peer = own;
    own.on('signal', (data) => socket.emit('signal', { generation: next, data }));
    own.on('stream', (remoteStream) => { remote.srcObject = remoteStream; });
    const lost = () => {
      if (peer !== own) return;
      peer = null;
      if (initiator) setTimeout(() => build(generation + 1), ${BASELINE_REBUILD_DELAY_MS});
      else socket.emit('signal', { generation: next, rebuild: true });
    };
    own.on('close', lost);
    own.on('error', lost);
  }
  socket.on('signal', ({ generation: theirs, data, rebuild }) => {
    if (initiator) {
      if (rebuild && theirs === generation) build(generation + 1);
      else if (!rebuild && theirs === generation && peer) peer.signal(data);
      return;
    }
    if (theirs > generation || !peer) build(theirs);
    if (theirs === generation) peer.signal(data);
  });
  const joined = new Promise((done) => socket.emit('join', params.get('room'), done));
  window.ready = Promise.all([joined, navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true }).then((s) => { stream = s; })]);
  window.go = () => build(1);
</script></html>`;

async function startBareRelay(port = 0) {
  const http = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BASELINE_PAGE);
    if (path === '/simplepeer.min.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(resolve(root, 'node_modules/simple-peer/simplepeer.min.js')));
    response.writeHead(404).end();
  });
  const io = new Server(http);
  io.on('connection', (socket) => {
    socket.on('join', (room, ack) => {
      socket.data.room = String(room);
      socket.join(socket.data.room);
      ack?.();
    });
    socket.on('signal', (data) => {
      if (socket.data.room) socket.to(socket.data.room).emit('signal', data);
    });
  });
  await new Promise((done) => http.listen(port, '127.0.0.1', done));
  return {
    port: http.address().port,
    sockets: () => io.of('/').sockets.size,
    // A killed relay drops every connection: io.close() alone waited for minutes on one that
    // socket.io did not end (seen between runs, a page's socket mid-reconnect).
    close: () => new Promise((done) => {
      io.close(() => done());
      http.closeAllConnections();
    }),
  };
}

function baselineCalls(browser) {
  return async (scenario) => {
    let relay = await startBareRelay();
    const { port } = relay;
    const origin = `http://127.0.0.1:${port}`;
    const pages = await Promise.all(['initiator', 'responder'].map(async (role) => {
      const page = await newCallPage(browser, origin);
      await page.goto(`/?room=s${scenario}&role=${role}`);
      await page.evaluate(() => window.ready);
      return page;
    }));
    await pages[0].evaluate(() => window.go());
    return {
      pages,
      healthy: () => framesFlowing(pages),
      stopRelay: () => relay.close(),
      startRelay: async () => { relay = await startBareRelay(port); },
      relaySockets: async () => relay.sockets(),
      close: async () => {
        await Promise.all(pages.map((page) => page.context().close()));
        await relay.close();
      },
    };
  };
}

// ── The product: ward tablet and visitor through the real UI, relay and engine ──────────────
/** harness.mjs loads the built server (dist/node): imported only inside the namespace, after the build check. */
const harness = () => import('./lib/harness.mjs');

/**
 * Scenario 2 kills the server and starts it again on the same port with the same data folder
 * (sessions and visits survive, as after a real restart). harness.mjs's startBenchServer has no
 * restart, so this mirrors it with a fixed data folder and port.
 */
async function startRestartableServer() {
  const { createApp } = await import(join(root, 'dist/node/server/app.js'));
  const { loadConfig } = await import(join(root, 'dist/node/server/config.js'));
  const { openDatabase, sqliteDialect } = await import(join(root, 'dist/node/server/store/database.js'));
  const { seedDemoWard } = await import(join(root, 'dist/node/server/store/seed-demo.js'));
  const dataDir = mkdtempSync(join(tmpdir(), 'wvv-bench-reconnect-'));
  let app = null;
  let port = 0;
  const start = async () => {
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }, root), dataDir, port };
    const db = await openDatabase(sqliteDialect(dataDir));
    await seedDemoWard(db, new Date());
    app = await createApp({ config, db, now: () => new Date() });
    const url = await app.http.listen({ port, host: '127.0.0.1' });
    port = Number(new URL(url).port);
    return url;
  };
  const url = await start();
  return {
    url,
    stop: async () => { await app?.close(); app = null; },
    start,
    callSockets: () => app?.relay.of('/call').sockets.size ?? 0,
    close: async () => { await app?.close(); rmSync(dataDir, { recursive: true, force: true }); },
  };
}

function localNow(timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(Date.now() + 5 * 60_000));
  const part = (type) => parts.find((p) => p.type === type).value;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

async function productCall(browser, origin) {
  const { DEMO_WARD } = await harness();
  const tablet = await newCallPage(browser, origin);
  await tablet.goto('/sign-in');
  await tablet.getByLabel('Ward code').fill(DEMO_WARD.wardCode);
  await tablet.getByLabel('PIN').fill(DEMO_WARD.pin);
  await tablet.getByRole('button', { name: 'Sign in' }).click();
  await tablet.getByRole('heading', { level: 1, name: DEMO_WARD.wardName }).waitFor();
  const { date, time } = localNow('Europe/London');
  const { visitId, link } = await tablet.evaluate(async ({ date, time, key, visitId }) => {
    const fields = { patientName: 'Bench Patient', bed: null, visitorName: 'Jo', visitorMobile: null, visitorEmail: null, date, time, lengthMinutes: 60, repeatDays: 1 };
    const booked = await fetch('/api/commands', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'book', key, visitIds: [visitId], fields }) });
    if (!booked.ok) throw new Error(`booking failed: ${await booked.text()}`);
    return { visitId, link: (await (await fetch(`/api/visits/${visitId}/join-link`)).json()).url };
  }, { date, time, key: randomUUID(), visitId: randomUUID() });
  await tablet.goto(`/visits/${visitId}/call`);
  const visitor = await newCallPage(browser, origin, { width: 375, height: 667 });
  await visitor.goto(link);
  await visitor.getByRole('button', { name: 'Check your camera and microphone' }).click();
  await visitor.getByLabel('Your name').fill('Jo');
  await visitor.getByRole('button', { name: 'Join visit' }).click();
  await tablet.getByRole('button', { name: 'Let Jo in to check' }).click();
  await tablet.getByRole('button', { name: 'Check done: show the patient' }).click();
  const pages = [tablet, visitor];
  return {
    pages,
    // Healthy for the product also means the screens say so (no "Reconnecting…", video not paused).
    healthy: async () => {
      await Promise.all([
        tablet.getByText('In the call: Jo. Connection: Good').waitFor({ timeout: HEALTHY_WITHIN_MS }),
        visitor.getByText('Connection: Good').waitFor({ timeout: HEALTHY_WITHIN_MS }),
      ]).catch(() => console.error('  (product screens did not say "Good" within the wait; measuring anyway)'));
      await framesFlowing(pages);
    },
    close: () => Promise.all(pages.map((page) => page.context().close())),
  };
}

function productCalls(browser) {
  return async (scenario) => {
    if (scenario === '2') {
      const server = await startRestartableServer();
      const call = await productCall(browser, server.url);
      return {
        ...call,
        stopRelay: () => server.stop(),
        startRelay: () => server.start(),
        relaySockets: async () => server.callSockets(),
        close: async () => { await call.close(); await server.close(); },
      };
    }
    const server = await (await harness()).startBenchServer();
    const call = await productCall(browser, server.url);
    return { ...call, close: async () => { await call.close(); await server.close(); } };
  };
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────

function summarise(samples) {
  const ok = samples.filter((ms) => ms !== null);
  return { median: ok.length ? median(ok) : NaN, max: ok.length ? Math.max(...ok) : NaN, failed: samples.length - ok.length, all: samples };
}

const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(0) : '—');



async function main() {
  ensureLoopbackNamespace(import.meta.url);
  if (!existsSync(join(root, 'dist/ui')) || !existsSync(join(root, 'dist/node/server/app.js'))) throw new Error('no build in dist/: run npm run build first');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows = [];
  try {
    restoreNetwork();
    for (const scenario of SCENARIOS) {
      if (!MEASURES[scenario]) throw new Error(`unknown scenario ${scenario} (2, 3, 4 or 5)`);
      console.error(`scenario ${scenario}: ${SCENARIO_NAMES[scenario]}`);
      const baseline = summarise(await measureScenario(scenario, baselineCalls(browser), 'baseline'));
      const product = summarise(await measureScenario(scenario, productCalls(browser), 'product'));
      rows.push({ scenario, baseline, product });
    }
  } finally {
    restoreNetwork();
    await browser.close();
  }
  console.log(`Chromium ${browser.version()}, Node ${process.version}, ${RUNS} runs per scenario and side, loopback-only network namespace (iptables on lo)`);
  console.log('ms, the later of the two sides in each run; baseline = bare simple-peer + bare relay that only rebuilds the peer after failure\n');
  console.log('| scenario | baseline median | baseline max | product median | product max | median vs baseline | runs not back (baseline / product) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { scenario, baseline, product } of rows) {
    console.log(`| ${scenario}. ${SCENARIO_NAMES[scenario]} | ${fmt(baseline.median)} | ${fmt(baseline.max)} | ${fmt(product.median)} | ${fmt(product.max)} | ${(product.median / baseline.median).toFixed(2)}× | ${baseline.failed} / ${product.failed} |`);
  }
  console.log('\nEvery run (ms; — = not back within the wait):');
  for (const { scenario, baseline, product } of rows) {
    console.log(`- ${scenario}: baseline ${baseline.all.map(fmt).join(', ')}; product ${product.all.map(fmt).join(', ')}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    restoreNetwork();
    process.exit(1);
  });
}
