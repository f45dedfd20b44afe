// Server benchmarks: medians of sequential requests on loopback, each compared with a bare
// Fastify JSON route measured in the same run (machines here are noisy; read the ratios).
// Run: npm run build && npm run bench
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { DEMO_WARD, startBenchServer } from './lib/harness.mjs';
import { hospitalDate } from './lib/hospital-time.mjs';
import { median } from './lib/statistics.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);
const WARMUP = 50;

function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)];
}

async function measure(makeRequest) {
  const times = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const started = performance.now();
    const response = await makeRequest(i);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`request failed: ${response.status}`);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return { median: median(times), p95: p95(times) };
}

// Baseline: the cheapest possible Fastify JSON answer on the same machine, same moment.
const bare = Fastify();
bare.get('/bare', async () => ({ ok: true }));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

const server = await startBenchServer();
const { url } = server;

const signIn = await fetch(`${url}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ wardCode: DEMO_WARD.wardCode, pin: DEMO_WARD.pin }),
});
const cookie = signIn.headers.get('set-cookie').split(';')[0];
const tomorrow = hospitalDate(1);
const bookCommand = () => ({
  type: 'book',
  key: randomUUID(),
  visitIds: [randomUUID()],
  fields: {
    patientName: 'Bench Patient', bed: '1', visitorName: 'Bench Visitor', visitorMobile: '07700900982',
    visitorEmail: null, date: tomorrow, time: '14:30', lengthMinutes: 30, repeatDays: 1,
  },
});
const post = (body) => fetch(`${url}/api/commands`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

const results = [];
const baseline = await measure(() => fetch(`${bareUrl}/bare`));
results.push(['bare Fastify JSON route (baseline)', baseline]);
results.push(['GET /api/session (session lookup)', await measure(() => fetch(`${url}/api/session`, { headers: { cookie } }))]);
results.push(['POST /api/commands book (new key)', await measure(() => post(bookCommand()))]);
const replayed = bookCommand();
results.push(['POST /api/commands book (replayed key)', await measure(() => post(replayed))]);
results.push([`GET /api/visits (${WARMUP + ROUNDS} visits listed)`, await measure(() => fetch(`${url}/api/visits`, { headers: { cookie } }))]);

console.log(`Node ${process.version}, ${ROUNDS} sequential requests each after ${WARMUP} warm-up, loopback\n`);
console.log('| what | median ms | p95 ms | median vs baseline |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, { median: m, p95: p }] of results) {
  console.log(`| ${name} | ${m.toFixed(2)} | ${p.toFixed(2)} | ${(m / baseline.median).toFixed(1)}× |`);
}

await server.close();
await bare.close();
