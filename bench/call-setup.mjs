// Call setup: from "go" (the initiator is told to start; in the product, the nurse presses
// Admit) until the first remote video frame is shown on BOTH sides (the later of the two).
// Two Chromium contexts on one machine, fake camera and microphone, inside a loopback-only
// network namespace (the script re-executes itself through scripts/in-loopback-netns.sh).
//
// Baseline in the same run: bare simple-peer over a bare socket.io relay that forwards
// `signal` payloads (bench/call-baseline/). The product runner plugs in below (see
// "Product hook"); both are printed side by side with the ratio. Each runner makes one
// warm-up call that is not counted (Chromium's first call pays for codec and process start).
//
// Run: npm run bench:call-setup   (BENCH_CALL_RUNS=N to change the number of calls, default 10)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchCallChromium, newCallContext, VIEWPORTS } from '../tests/helpers/chromium.mjs';
import { ensureLoopbackNamespace } from './lib/loopback.mjs';
import { median } from './lib/statistics.mjs';
import { installFirstFrameProbe, waitForFirstRemoteFrame } from './call-baseline/first-frame-probe.mjs';
import { startBaselineRelay } from './call-baseline/relay.mjs';

const here = import.meta.dirname;
const RUNS = Number(process.env.BENCH_CALL_RUNS ?? 10);
export const WARMUP_CALLS = 1;
/** A call that shows no remote frame by then has failed (not merely been slow). */
export const CALL_TIMEOUT_MS = 20_000;

/** A fresh context (its own cookies, storage, camera) with camera and microphone allowed and the probe installed. */
export async function newCallPage(browser, origin, viewport = VIEWPORTS.tablet) {
  const context = await newCallContext(browser, origin, viewport);
  await installFirstFrameProbe(context);
  return context.newPage();
}

/**
 * Makes WARMUP_CALLS + runs calls one after another; `oneCall(index)` resolves to
 * { goAt, initiatorAt, responderAt } (epoch ms from the pages). Returns the counted samples.
 */
export async function repeatCalls(runs, oneCall) {
  const samples = [];
  for (let index = 0; index < WARMUP_CALLS + runs; index++) {
    const { goAt, initiatorAt, responderAt } = await oneCall(index);
    if (index < WARMUP_CALLS) continue;
    samples.push({ initiatorMs: initiatorAt - goAt, responderMs: responderAt - goAt, bothMs: Math.max(initiatorAt, responderAt) - goAt });
  }
  return samples;
}

/** The bare baseline: `runs` simple-peer calls through the bare relay, each in two fresh contexts. */
export async function measureBaseline(browser, runs) {
  const relay = await startBaselineRelay();
  try {
    return await repeatCalls(runs, async (index) => {
      const [initiator, responder] = await Promise.all(['initiator', 'responder'].map(async (role) => {
        const page = await newCallPage(browser, relay.url);
        await page.goto(`/?room=call-${index}&role=${role}`);
        await page.evaluate(() => window.ready);
        return page;
      }));
      try {
        const goAt = await initiator.evaluate(() => {
          const at = performance.timeOrigin + performance.now();
          void window.go();
          return at;
        });
        const [initiatorAt, responderAt] = await Promise.all([initiator, responder].map((page) => waitForFirstRemoteFrame(page, CALL_TIMEOUT_MS)));
        return { goAt, initiatorAt, responderAt };
      } finally {
        await Promise.all([initiator.context().close(), responder.context().close()]);
      }
    });
  } finally {
    await relay.close();
  }
}

// ── Product hook ────────────────────────────────────────────────────────────────────────────
// The product runner lives in bench/call-setup-product.mjs (not written yet). It exports
// `measureProduct(browser, runs)`, resolving to samples in the same shape as measureBaseline,
// best built with repeatCalls() and newCallPage() from this file: go = the nurse's Admit click
// (first-frame-probe.mjs markGoOnNextClick/readGoAt), then waitForFirstRemoteFrame on the ward
// tablet and on the visitor's page. It must `npm run build` first (bench/lib/harness.mjs).
const PRODUCT_RUNNER = resolve(here, 'call-setup-product.mjs');

async function loadMeasureProduct() {
  if (!existsSync(PRODUCT_RUNNER)) return null;
  const { measureProduct } = await import(pathToFileURL(PRODUCT_RUNNER).href);
  if (typeof measureProduct !== 'function') throw new Error(`${PRODUCT_RUNNER} must export measureProduct(browser, runs)`);
  return measureProduct;
}
// ────────────────────────────────────────────────────────────────────────────────────────────


function summarise(samples) {
  return {
    median: median(samples.map((s) => s.bothMs)),
    max: Math.max(...samples.map((s) => s.bothMs)),
    initiator: median(samples.map((s) => s.initiatorMs)),
    responder: median(samples.map((s) => s.responderMs)),
  };
}



async function main() {
  ensureLoopbackNamespace(import.meta.url);
  const measureProduct = await loadMeasureProduct();
  const browser = await launchCallChromium();
  const results = [];
  try {
    results.push(['bare simple-peer + bare relay (baseline)', summarise(await measureBaseline(browser, RUNS))]);
    if (measureProduct) results.push(['Ward Virtual Visits (Admit → both see video)', summarise(await measureProduct(browser, RUNS))]);
  } finally {
    await browser.close();
  }
  const [, baseline] = results[0];
  console.log(`${browser.version ? `Chromium ${browser.version()}` : 'Chromium'}, Node ${process.version}, ${RUNS} calls each after ${WARMUP_CALLS} warm-up, loopback-only network namespace`);
  console.log('go → first remote frame shown on both sides (the later of the two)\n');
  console.log('| what | median ms | max ms | initiator median ms | responder median ms | median vs baseline |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, s] of results) {
    console.log(`| ${name} | ${s.median.toFixed(0)} | ${s.max.toFixed(0)} | ${s.initiator.toFixed(0)} | ${s.responder.toFixed(0)} | ${(s.median / baseline.median).toFixed(2)}× |`);
  }
  if (!measureProduct) console.log(`\nProduct runner not plugged in yet (${PRODUCT_RUNNER} is absent): baseline only.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
