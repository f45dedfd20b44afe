import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { customAnswer, INJECTED_ANSWERS, NotifyError, TEAM_KEY_REFUSAL, type InjectedStatus, type RawAnswer } from './errors.js';
import { pythonUuid } from './python-values.js';
import { recipientKey } from './recipients.js';
import { answerRequest, jsonAnswer, type Api, type Fault } from './routes.js';
import type { FakeTemplate, Refusal } from './send.js';
import { asSent, NotificationStore, type FailureStatus, type NotificationStatus, type NotificationType, type SentNotification, type StoredNotification } from './store.js';

/**
 * A stand-in for GOV.UK Notify that speaks its real v2 HTTP API, for tests that run the real
 * notifications-node-client against it: `new NotifyClient(fake.url, fake.apiKey)`. It is the
 * one fake the house allows (DESIGN.md rule 9), so it checks what Notify checks and answers
 * what Notify answers; each file says where in Notify's source its behaviour comes from.
 */
export type { FailureStatus, FakeTemplate, InjectedStatus, NotificationStatus, NotificationType, Refusal, SentNotification };

export interface FakeNotifyOptions {
  /** Template id → its type (or a template with a ((placeholder)) body). Unset: any template id is accepted. */
  templates?: Record<string, NotificationType | FakeTemplate>;
  /** Each new notification goes to `sending` at once and to `delivered` after this many ms. */
  autoDeliverAfterMs?: number;
  /** Whether the service may text numbers abroad (a Notify permission). Default false: UK mobiles only. */
  internationalSms?: boolean;
  /** The service's text senders, by sms_sender_id; any other id is refused as Notify does. */
  smsSenders?: Record<string, string>;
  /** The service's reply-to addresses, by email_reply_to_id. */
  emailReplyTo?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  /** Without the query string. */
  path: string;
  query: string;
  /** The status answered, 'dropped' or 'hung'; null while it is being handled. */
  outcome: number | 'dropped' | 'hung' | null;
}

export interface FakeNotify {
  /** http://127.0.0.1:<port>, the base URL to give the client. */
  url: string;
  /** A key in Notify's format, `<name>-<service id>-<secret>`. */
  apiKey: string;
  serviceId: string;
  sent(): SentNotification[];
  requests(): RecordedRequest[];
  deliver(id: string): void;
  fail(id: string, status: FailureStatus): void;
  setStatus(id: string, status: NotificationStatus): void;
  /** The next `times` sends are answered with this status and Notify's body for it (or `body`); nothing is created. */
  failNext(times: number, failure: { status: InjectedStatus; body?: unknown }): void;
  /** Every send to this recipient is refused; by default as a team key meeting a stranger (400). */
  refuseRecipient(phoneOrEmail: string, refusal?: Partial<Refusal>): void;
  /** The next `times` sends are handled (a valid one creates its notification), then the connection is cut unanswered. */
  acceptThenDropConnection(times: number): void;
  /** The next `times` sends are never answered, until close() or reset(). */
  hangNext(times: number): void;
  /** The next `times` sends are handled (a valid one creates its notification), then never answered: a sender killed mid-request. */
  acceptThenHang(times: number): void;
  /** Forgets notifications, requests, queued faults and refusals; the key stays the same. */
  reset(): void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const write = (res: ServerResponse, answer: RawAnswer) => res.writeHead(answer.status, { 'Content-Type': answer.contentType }).end(answer.body);

const canonical = <T>(record: Record<string, T> | undefined) =>
  new Map(Object.entries(record ?? {}).map(([id, value]) => [pythonUuid(id) ?? id, value]));

export async function startFakeNotify(options: FakeNotifyOptions = {}): Promise<FakeNotify> {
  const serviceId = randomUUID();
  const store = new NotificationStore();
  const faults: Fault[] = [];
  const recorded: RecordedRequest[] = [];
  const refusals = new Map<string, Refusal>();
  const timers = new Set<NodeJS.Timeout>();
  const hung = new Set<ServerResponse>();
  const templates = options.templates && new Map([...canonical(options.templates)].map(([id, t]) => [id, typeof t === 'string' ? { type: t } : t]));

  const autoDeliver = (n: StoredNotification) => {
    const delay = options.autoDeliverAfterMs;
    if (delay === undefined) return;
    store.setStatus(n.id, 'sending');
    const timer = setTimeout(() => {
      timers.delete(timer);
      // A test that moved the notification itself meanwhile keeps its status.
      if (n.status === 'sending') store.setStatus(n.id, 'delivered');
    }, delay);
    timers.add(timer);
  };

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api: Api = {
    ctx: {
      baseUrl: url,
      serviceId,
      store,
      templates,
      smsSenders: canonical(options.smsSenders),
      emailReplyTo: canonical(options.emailReplyTo),
      internationalSms: options.internationalSms ?? false,
      refusals,
    },
    secret: randomUUID(),
    nextFault: () => faults.shift(),
    created: autoDeliver,
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const { pathname, search, searchParams } = new URL(req.url ?? '/', url);
    const entry: RecordedRequest = { method: req.method ?? '', path: pathname, query: search, outcome: null };
    recorded.push(entry);
    readBody(req)
      .then((body) => answerRequest(api, { method: entry.method, path: pathname, query: searchParams, authorization: req.headers.authorization, body }))
      .then(
        (outcome) => {
          if (outcome === 'hang') {
            entry.outcome = 'hung';
            hung.add(res);
          } else if (outcome === 'drop') {
            entry.outcome = 'dropped';
            req.socket.destroy();
          } else {
            entry.outcome = outcome.status;
            write(res, outcome);
          }
        },
        (error: unknown) => {
          // A bug in the fake: say so loudly, and answer as Notify's catch-all would.
          console.error('The fake Notify failed to handle a request', error);
          entry.outcome = 500;
          write(res, jsonAnswer(500, NotifyError.of(500, 'Exception', 'Internal server error').body));
        },
      );
  });

  const queue = (times: number, fault: Fault) => {
    for (let i = 0; i < times; i++) faults.push(fault);
  };
  const stopPending = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const res of hung) res.socket?.destroy();
    hung.clear();
  };

  return {
    url,
    apiKey: `fake_notify-${serviceId}-${api.secret}`,
    serviceId,
    sent: () => store.all().map(asSent),
    requests: () => recorded.map((entry) => ({ ...entry })),
    deliver: (id) => void store.setStatus(id, 'delivered'),
    fail: (id, status) => void store.setStatus(id, status),
    setStatus: (id, status) => void store.setStatus(id, status),
    failNext: (times, { status, body }) => queue(times, { kind: 'fail', answer: body === undefined ? INJECTED_ANSWERS[status] : customAnswer(status, body) }),
    refuseRecipient: (to, refusal = {}) => {
      const key = recipientKey(to.includes('@') ? 'email' : 'sms', to);
      refusals.set(key, { status: 400, error: 'BadRequestError', message: TEAM_KEY_REFUSAL, ...refusal });
    },
    acceptThenDropConnection: (times) => queue(times, { kind: 'drop' }),
    hangNext: (times) => queue(times, { kind: 'hang' }),
    acceptThenHang: (times) => queue(times, { kind: 'accept-hang' }),
    reset: () => {
      stopPending();
      store.clear();
      faults.length = 0;
      recorded.length = 0;
      refusals.clear();
    },
    close: async () => {
      stopPending();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
