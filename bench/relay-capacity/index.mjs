// Relay capacity: the product's call relay against a bare socket.io relay, side by side in one
// run, on one node and on two nodes through Redis (tablets on one, visitors on the other, so
// every signal crosses Redis). For each: visits held (every probe answered), the signal round
// trip (visitor → relay → tablet → relay → visitor) p50 and p99, the relay's memory per visit,
// and its CPU, per second and per relayed message. Each relay runs in its own process; the
// load generator is this one. Every visit probes once every 2 s, as a call's ICE and quality
// traffic would at most once it is connected.
//
// Run: npm run build && node bench/relay-capacity/index.mjs [--visits 1000] [--seconds 20]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startRedis } from './redis.mjs';
import { barePairs, productPairs } from './pairs.mjs';
import { cpuSeconds, rssBytes, startNode } from './processes.mjs';

const { values: args } = parseArgs({ options: { visits: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '20' } } });
const VISITS = Number(args.visits);
const SECONDS = Number(args.seconds);
const PROBE_EVERY_MS = 2_000;
const root = resolve(import.meta.dirname, '../..');
const PRODUCT = join(root, 'dist/node/server/main.js');
const BARE = join(import.meta.dirname, 'bare-relay.mjs');

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function startRelays(kind, nodes, redisUrl) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wvv-capacity-'));
  // Every socket of the load comes from 127.0.0.1: the per-address cap is for real clients.
  const env = { DATA_DIR: dataDir, MAX_CONNECTIONS_PER_ADDRESS: '100000', ...(redisUrl && { REDIS_URL: redisUrl }) };
  const started = [];
  for (let n = 0; n < nodes; n++) started.push(await startNode(kind === 'product' ? PRODUCT : BARE, { ...env, NODE_NAME: `node-${n}` }));
  return { nodes: started, stop: async () => (await Promise.all(started.map((node) => node.stop())), rmSync(dataDir, { recursive: true, force: true })) };
}

async function measure(kind, nodeCount) {
  const redis = nodeCount > 1 ? await startRedis() : null;
  const relays = await startRelays(kind, nodeCount, redis?.url);
  const [first, second = first] = relays.nodes;
  const rssBefore = relays.nodes.reduce((sum, node) => sum + rssBytes(node.pid), 0);
  const { made: pairs, failed } = await (kind === 'product' ? productPairs : barePairs)(first.url, second.url, VISITS);
  const rttMs = [];
  const answered = new Set();
  let sent = 0;
  pairs.forEach((pair, i) => pair.onEcho((data) => (rttMs.push(performance.now() - data.sentAt), answered.add(i))));
  const cpuBefore = relays.nodes.reduce((sum, node) => sum + cpuSeconds(node.pid), 0);
  const started = performance.now();
  // Spread over the interval, as real calls are: not every visit at the same instant.
  const timers = pairs.map((pair, i) =>
    setTimeout(() => {
      const probe = () => (sent++, pair.send({ sentAt: performance.now(), visit: i }));
      probe();
      timers.push(setInterval(probe, PROBE_EVERY_MS));
    }, (i / pairs.length) * PROBE_EVERY_MS),
  );
  await new Promise((done) => setTimeout(done, SECONDS * 1000));
  for (const timer of timers) clearTimeout(timer), clearInterval(timer);
  await new Promise((done) => setTimeout(done, 1_000)); // the last echoes
  const elapsed = (performance.now() - started) / 1000;
  const cpu = relays.nodes.reduce((sum, node) => sum + cpuSeconds(node.pid), 0) - cpuBefore;
  const rss = relays.nodes.reduce((sum, node) => sum + rssBytes(node.pid), 0);
  for (const pair of pairs) for (const socket of pair.sockets) socket.close();
  await relays.stop();
  await redis?.stop();
  const sorted = rttMs.sort((a, b) => a - b);
  return {
    relay: kind, nodes: nodeCount, visits: VISITS, 'set up': pairs.length, 'set-up failures': failed, held: answered.size,
    'answered %': ((100 * rttMs.length) / Math.max(1, sent)).toFixed(1),
    'p50 ms': percentile(sorted, 50).toFixed(1), 'p99 ms': percentile(sorted, 99).toFixed(1),
    'RSS KB/visit': ((rss - rssBefore) / 1024 / Math.max(1, pairs.length)).toFixed(1),
    'CPU %': ((100 * cpu) / elapsed).toFixed(1),
    'CPU µs/message': ((cpu * 1e6) / Math.max(1, 2 * rttMs.length)).toFixed(1),
  };
}

const rows = [];
for (const nodes of [1, 2]) for (const kind of ['bare', 'product']) rows.push(await measure(kind, nodes));
console.table(rows);
for (const nodes of [1, 2]) {
  const [bare, product] = rows.filter((row) => row.nodes === nodes);
  console.log(`${nodes} node(s): product/bare CPU per message ${(product['CPU µs/message'] / bare['CPU µs/message']).toFixed(2)}×, p99 ${product['p99 ms']} ms vs ${bare['p99 ms']} ms`);
}
