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
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchCallChromium } from '../tests/helpers/chromium.mjs';
import { blockPorts, dropAllUdp, restoreNetwork, UDP_OUTAGES } from '../tests/helpers/loopback-faults.mjs';
import { connectionStates, framesSince, nextFrameOnBoth, selectedPorts, sleep } from './lib/frame-log.mjs';
import { ensureLoopbackNamespace } from './lib/loopback.mjs';
import { baselineCalls, productCalls } from './lib/reconnect-calls.mjs';
import { median } from './lib/statistics.mjs';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RECONNECT_RUNS ?? 5);
const LONG_OUTAGE_MS = process.env.BENCH_LONG_OUTAGE_S ? Number(process.env.BENCH_LONG_OUTAGE_S) * 1000 : UDP_OUTAGES.longMs;
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? '2,3,4,5').split(',').map((s) => s.trim());
const SHORT_OUTAGE_MS = UDP_OUTAGES.shortMs;
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

const debug = (line) => process.env.BENCH_DEBUG && console.error(`    ${line}`);

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
    const frame = await nextFrameOnBoth(call.pages, backAt, GIVE_UP_MS);
    return frame === null ? null : frame - backAt;
  },
  async 4(call) {
    dropAllUdp();
    await sleep(LONG_OUTAGE_MS);
    restoreNetwork();
    const backAt = Date.now();
    const frame = await nextFrameOnBoth(call.pages, backAt, GIVE_UP_MS);
    return frame === null ? null : frame - backAt;
  },
  async 5(call) {
    const ports = await selectedPorts(call.pages[0]);
    if (!ports) throw new Error('no selected candidate pair to block');
    const blockedAt = Date.now();
    blockPorts(ports, 'udp');
    try {
      const deadline = blockedAt + GIVE_UP_MS;
      for (;;) {
        const backs = await Promise.all(call.pages.map(async (page) => backAfterBlock(await framesSince(page, blockedAt - 1_000), blockedAt, Date.now())));
        if (backs.every((at) => at !== null)) {
          const after = await selectedPorts(call.pages[0]);
          const connections = await Promise.all(call.pages.map(connectionStates));
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

// ── Report ───────────────────────────────────────────────────────────────────────────────────

function summarise(samples) {
  const ok = samples.filter((ms) => ms !== null);
  return { median: ok.length ? median(ok) : NaN, max: ok.length ? Math.max(...ok) : NaN, failed: samples.length - ok.length, all: samples };
}

const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(0) : '—');

async function main() {
  ensureLoopbackNamespace(import.meta.url);
  if (!existsSync(join(root, 'dist/ui')) || !existsSync(join(root, 'dist/node/server/app.js'))) throw new Error('no build in dist/: run npm run build first');
  const browser = await launchCallChromium();
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
    try {
      restoreNetwork();
    } finally {
      process.exit(1);
    }
  });
}
