import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App, type AppOptions } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { DEFAULT_TIMEOUTS } from '../../src/server/http/connection-limits.js';
import { VISITS_CHANGED } from '../../src/shared/index.js';
import { openDatabase, sqliteDialect } from '../../src/server/store/database.js';
import { createWardWithHospital } from '../../src/server/store/wards.js';
import { ApiClient, book } from '../helpers/api-client.js';
import { sendRaw } from '../helpers/raw-http.js';
import { TEST_MORNING } from '../helpers/test-clock.js';

/**
 * Clients that open connections and never finish with them, as a slowloris attack does. The
 * server is started here rather than by startServer, to give it short limits: the tests wait
 * for the connections to be cut, and never time how long that takes.
 */

const WARD = { code: 'SLOW1', pin: '246810' };
/** Enough to show many are cut together; well under the file descriptors a test process may hold. */
const SLOW_CONNECTIONS = 50;
/** Long enough for everything else a test does to fit well inside it. */
const TEST_TIMEOUT_MS = 60_000;

interface Running {
  url: string;
  port: number;
  app: App;
  close(): Promise<void>;
}

const running: Running[] = [];
const opened: Socket[] = [];
afterEach(async () => {
  for (const socket of opened.splice(0)) socket.destroy();
  for (const server of running.splice(0)) await server.close();
});

async function start(env: Record<string, string>, options: AppOptions = {}): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wvv-slow-'));
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }, resolve(import.meta.dirname, '../..')), dataDir, port: 0 };
  const db = await openDatabase(sqliteDialect(dataDir));
  // A fixed clock before the day book() books, so the booking a test makes is in the future.
  const now = () => new Date(TEST_MORNING);
  await createWardWithHospital(db, { trustName: 'Trust', hospitalName: 'Hospital', wardName: 'Ward', wardCode: WARD.code, pin: WARD.pin }, now());
  const app = await createApp({ config, db, now }, options);
  const url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  const server: Running = {
    url,
    port: Number(new URL(url).port),
    app,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  running.push(server);
  return server;
}

interface RawConnection {
  socket: Socket;
  /** The server's first bytes: it has read the connection's request. */
  answered: Promise<void>;
  /** Everything the server sent, once it has closed the connection. */
  closed: Promise<string>;
}

/** A TCP connection that sends `text` and then nothing more, ever. */
function openRaw(port: number, text: string, localAddress?: string): Promise<RawConnection> {
  return new Promise((resolveOpen, reject) => {
    const socket = connect({ host: '127.0.0.1', port, ...(localAddress ? { localAddress } : {}) });
    opened.push(socket);
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    // A connection refused or reset by the server is what some tests expect: it shows as closed.
    socket.on('error', () => {});
    const answered = new Promise<void>((done) => socket.once('data', () => done()));
    const closed = new Promise<string>((done) => socket.once('close', () => done(received)));
    socket.once('connect', () => {
      if (text) socket.write(text);
      resolveOpen({ socket, answered, closed });
    });
    socket.once('error', reject);
  });
}

const SLOW_BODY = 'POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"wardCode":';
const SLOW_HEADERS = 'POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl';
/** A whole request on a kept-alive connection: answered, then left open and idle. */
const ONE_REQUEST = 'GET /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';

/**
 * A socket.io long poll, spoken by hand: the handshake, then a poll the server holds with
 * nothing to send until the next heartbeat (25 s). Resolves with how it ended.
 */
async function heldLongPoll(url: string): Promise<Promise<string>> {
  const handshake = await (await fetch(`${url}/socket.io/?EIO=4&transport=polling`)).text();
  const { sid } = JSON.parse(handshake.slice(1)) as { sid: string };
  return new Promise((ended) => {
    get(`${url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => ended(`answered ${response.statusCode}`));
    }).on('error', () => ended('cut'));
  });
}

function signIn(url: string, localAddress?: string) {
  return sendRaw(url, {
    method: 'POST',
    path: '/api/session',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ wardCode: WARD.code, pin: WARD.pin }),
    ...(localAddress ? { localAddress } : {}),
  });
}

describe('slow clients', () => {
  // Hazard H12: tablets keep working, and nurses can sign in, when the server is down or attacked
  it(
    'are cut: bodies and headers that never finish get a 408, an idle connection is closed, a nurse signs in meanwhile, and WebSockets stay',
    async () => {
      const server = await start({}, { timeouts: { headersMs: 300, requestMs: 600, idleMs: 1500, checkIntervalMs: 100 } });
      // A tablet's live-update socket, open before the slow clients and quiet from then on.
      const tablet = new ApiClient(server.url);
      expect((await tablet.signIn(WARD.code, WARD.pin)).status).toBe(200);
      const live = io(server.url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: tablet.cookieHeader } });
      await new Promise<void>((done, fail) => live.once('connect', () => done()).once('connect_error', fail));

      const bodies = await Promise.all(Array.from({ length: SLOW_CONNECTIONS }, () => openRaw(server.port, SLOW_BODY)));
      const lateHeaders = await Promise.all(Array.from({ length: 10 }, () => openRaw(server.port, SLOW_HEADERS)));
      const silent = await Promise.all(Array.from({ length: 10 }, () => openRaw(server.port, '')));
      const poll = await heldLongPoll(server.url);

      expect((await signIn(server.url)).status).toBe(200);

      // Node counts a connection that has sent nothing as one whose headers are late.
      for (const text of await Promise.all([...bodies, ...lateHeaders, ...silent].map((c) => c.closed))) expect(text).toMatch(/^HTTP\/1\.1 408 /);
      // A whole request with no byte either way since: cut for idleness. (So the production
      // limit must be longer than a poll is held: the last test.) It started after the
      // WebSocket connected, and the WebSocket has been as quiet since...
      expect(await poll).toBe('cut');

      // ...yet the WebSocket, an upgraded connection, is still there and still hears its ward.
      expect(live.connected).toBe(true);
      const heard = new Promise((done) => live.once(VISITS_CHANGED, done));
      expect((await tablet.send(book())).status).toBe(200);
      await heard;
      live.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'from one address are refused over MAX_CONNECTIONS_PER_ADDRESS, while another address is served',
    async () => {
      const cap = 20;
      const server = await start({ MAX_CONNECTIONS_PER_ADDRESS: String(cap) });
      const held = await Promise.all(Array.from({ length: cap }, () => openRaw(server.port, ONE_REQUEST)));
      // Each was answered, so the server has counted every one of them.
      await Promise.all(held.map((c) => c.answered));

      const over = await openRaw(server.port, ONE_REQUEST);
      expect(await Promise.race([over.closed.then((text) => `closed with "${text}"`), over.answered.then(() => 'answered')])).toBe('closed with ""');
      expect((await signIn(server.url, '127.0.0.2')).status).toBe(200);

      // One let go: room for one more from the first address, once the server has seen it close.
      held[0]!.socket.destroy();
      await expect.poll(async () => (await signIn(server.url).catch(() => ({ status: 'refused' }))).status).toBe(200);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'from the trusted proxy are not capped: it counts its clients itself',
    async () => {
      const cap = 20;
      const server = await start({ MAX_CONNECTIONS_PER_ADDRESS: String(cap), TRUST_PROXY: '127.0.0.1' });
      const fromProxy = await Promise.all(Array.from({ length: cap + 5 }, () => openRaw(server.port, ONE_REQUEST)));
      await Promise.all(fromProxy.map((c) => c.answered));
      // Anyone else reaching the server directly is still capped.
      const direct = await Promise.all(Array.from({ length: cap }, () => openRaw(server.port, ONE_REQUEST, '127.0.0.2')));
      await Promise.all(direct.map((c) => c.answered));
      const over = await openRaw(server.port, ONE_REQUEST, '127.0.0.2');
      expect(await Promise.race([over.closed.then((text) => `closed with "${text}"`), over.answered.then(() => 'answered')])).toBe('closed with ""');
    },
    TEST_TIMEOUT_MS,
  );

  it('keep the default limits clear of a socket.io long poll, which is held silent until the next heartbeat', async () => {
    const server = await start({});
    const { pingInterval = 0, pingTimeout = 0 } = server.app.relay.engine.opts;
    expect(DEFAULT_TIMEOUTS.idleMs).toBeGreaterThan(pingInterval + pingTimeout);
    expect(server.app.http.server.timeout).toBe(DEFAULT_TIMEOUTS.idleMs);
    expect(server.app.http.server.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestMs);
    expect(server.app.http.server.headersTimeout).toBe(DEFAULT_TIMEOUTS.headersMs);
    // A long-polling tablet (on a network that blocks WebSockets) still connects.
    const tablet = new ApiClient(server.url);
    expect((await tablet.signIn(WARD.code, WARD.pin)).status).toBe(200);
    const polling = io(server.url, { transports: ['polling'], reconnection: false, extraHeaders: { cookie: tablet.cookieHeader } });
    expect(await new Promise((done) => polling.once('connect', () => done('connected')).once('connect_error', (error) => done(error.message)))).toBe('connected');
    polling.close();
  });
});
