import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/**
 * Figures for the trust's monitoring, in Prometheus's format: the only importer of
 * prom-client. Labels are namespaces, refusal codes and job names, never anything about a
 * person or a visit. Node's own figures come too, event-loop delay among them
 * (nodejs_eventloop_lag_*), the first sign of a node at its limit.
 */
export interface Metrics {
  relayMessage(namespace: string): void;
  relayRefusal(code: string): void;
  jobRan(job: string, ok: boolean): void;
  /** Where the gauges read from, once the relay and the database are up. */
  observe(sources: MetricSources): void;
  /** The whole exposition, for GET /metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface MetricSources {
  sockets(): Record<string, number>;
  callRooms(): Promise<number>;
  visitsInCall(): Promise<number>;
  messagesQueued(): Promise<number>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'wvv_' });
  let sources: MetricSources | null = null;
  const messages = new Counter({ name: 'wvv_relay_messages_total', help: 'Socket messages the relay received', labelNames: ['namespace'], registers: [registry] });
  const refusals = new Counter({ name: 'wvv_relay_refusals_total', help: 'Socket messages the relay refused, by code', labelNames: ['code'], registers: [registry] });
  const jobs = new Counter({ name: 'wvv_job_runs_total', help: 'Runs of each background job, by outcome', labelNames: ['job', 'outcome'], registers: [registry] });
  new Gauge({
    name: 'wvv_sockets',
    help: 'Open sockets on this node, by namespace',
    labelNames: ['namespace'],
    registers: [registry],
    collect() {
      for (const [namespace, count] of Object.entries(sources?.sockets() ?? {})) this.set({ namespace }, count);
    },
  });
  new Gauge({
    name: 'wvv_call_rooms',
    help: 'Call rooms held: this node\'s, or with Redis every node\'s',
    registers: [registry],
    async collect() {
      this.set((await sources?.callRooms()) ?? 0);
    },
  });
  new Gauge({
    name: 'wvv_visits_in_call',
    help: 'Visits in progress (media connected), across the service',
    registers: [registry],
    async collect() {
      this.set((await sources?.visitsInCall()) ?? 0);
    },
  });
  new Gauge({
    name: 'wvv_messages_queued',
    help: 'Texts and emails waiting to be sent (the outbox depth), across the service',
    registers: [registry],
    async collect() {
      this.set((await sources?.messagesQueued()) ?? 0);
    },
  });
  return {
    relayMessage: (namespace) => messages.inc({ namespace }),
    relayRefusal: (code) => refusals.inc({ code }),
    jobRan: (job, ok) => jobs.inc({ job, outcome: ok ? 'ok' : 'failed' }),
    observe: (given) => void (sources = given),
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
