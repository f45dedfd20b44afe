import { expect, it } from 'vitest';
import { book, signedInDemoWard } from '../helpers/api-client.js';
import { startServer } from '../helpers/server.js';
import { useServer } from '../helpers/use-server.js';
import { CallSockets, visitWithLink } from './call-sockets.js';
import { testClock } from '../helpers/test-clock.js';

/** GET /metrics for the trust's Prometheus: behind its token, with figures and no personal data. */

const TOKEN = 'metrics-token-for-tests-0123456789abcdef';
const clock = testClock();

const server = useServer({ now: clock.now, env: { METRICS_TOKEN: TOKEN } });

const scrape = (authorization?: string) => fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });

it('answers only the bearer of METRICS_TOKEN, in words otherwise', async () => {
  for (const wrong of [undefined, 'Bearer nope', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
    const answer = await scrape(wrong);
    expect(answer.status, String(wrong)).toBe(401);
    expect((await answer.json()).error.message).toBe('Give the metrics token as a bearer token.');
  }
});

it('counts sockets, call rooms, relay messages and refusals, the outbox, job runs and event-loop delay, with no personal data', async () => {
  const linked = await visitWithLink(server, (at) => (clock.at = at));
  const tablet = await signedInDemoWard(server);
  await tablet.send(book({ date: '2026-11-21', time: '15:00', patientName: 'Quentin Metricsworth', visitorMobile: '07700 900777' }));
  const sockets = new CallSockets(server);
  try {
    const ward = await sockets.connect({ cookie: linked.cookie });
    ward.emit('no-such-event', {});
    await expect.poll(async () => (await (await scrape(`Bearer ${TOKEN}`)).text()).includes('wvv_relay_refusals_total{code="invalid_event"} 1')).toBe(true);
    const answer = await scrape(`Bearer ${TOKEN}`);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await answer.text();
    expect(text).toMatch(/^wvv_sockets\{namespace="\/call"\} 1$/m);
    expect(text).toMatch(/^wvv_relay_messages_total\{namespace="\/call"\} 1$/m);
    expect(text).toMatch(/^wvv_job_runs_total\{job="retention",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^wvv_messages_queued 0$/m);
    expect(text).toMatch(/^wvv_visits_in_call 0$/m);
    expect(text).toMatch(/^wvv_nodejs_eventloop_lag_p99_seconds /m);
    for (const personal of ['Quentin', 'Metricsworth', '07700', 'Sam Example', linked.token, linked.visit.id]) expect(text).not.toContain(personal);
  } finally {
    sockets.closeAll();
  }
});

it('is not served at all without METRICS_TOKEN', async () => {
  const plain = await startServer();
  try {
    // The address is then just another page address: the app's fallback page, no figures.
    const answer = await fetch(`${plain.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await answer.text()).not.toContain('wvv_');
  } finally {
    await plain.close();
  }
});
