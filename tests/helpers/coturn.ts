// A real coturn (Debian's `coturn` package, `turnserver`) on 127.0.0.1 for call tests, with the
// REST-API shared secret the server signs credentials with. Flags as measured in PLATFORM.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Found on PATH (Debian puts it in /usr/bin) unless TURNSERVER_PATH says where. */
export const TURNSERVER_PATH = process.env.TURNSERVER_PATH ?? 'turnserver';
/** A call needs a few allocations per side (one per TURN URL and local address); this is plenty. */
const RELAY_PORT_COUNT = 40;
/** Relay ports come from the dynamic range, clear of the ephemeral ports tests listen on. */
const RELAY_PORT_LOW = 40_000;
const RELAY_PORT_HIGH = 48_000;
/** coturn is up in well under a second here; this is room for a loaded machine. */
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const POLL_MS = 50;

export interface Coturn {
  port: number;
  /** The static-auth-secret coturn checks credentials against. */
  secret: string;
  /** TURN_URLS for the server: over UDP, or over TCP. */
  urls: { udp: string; tcp: string };
  pid: number;
  /** What coturn printed so far, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/** A port free for both TCP and UDP on 127.0.0.1 (coturn listens on both). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
      server.on('error', reject);
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
}

/**
 * One STUN Binding request over UDP (RFC 5389: type 0x0001, no attributes, the magic cookie,
 * a random transaction id); true if a Binding success (0x0101) comes back in time.
 */
function answersStun(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0);
    request.writeUInt32BE(0x2112a442, 4);
    randomBytes(12).copy(request, 8);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('message', (reply) => done(reply.readUInt16BE(0) === 0x0101 && reply.subarray(8, 20).equals(request.subarray(8, 20))));
    socket.on('error', () => done(false));
    socket.send(request, port, '127.0.0.1');
  });
}

function acceptsTcp(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts coturn and resolves once it answers STUN over UDP and accepts TCP. */
export async function startCoturn(options: { secret?: string; realm?: string } = {}): Promise<Coturn> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const port = await freePort();
  const minPort = randomInt(RELAY_PORT_LOW, RELAY_PORT_HIGH - RELAY_PORT_COUNT);
  const dir = mkdtempSync(join(tmpdir(), 'wvv-coturn-'));
  const child = spawn(TURNSERVER_PATH, [
    '-n', // no configuration file: everything is on this line
    '--listening-ip=127.0.0.1',
    '--relay-ip=127.0.0.1',
    `--listening-port=${port}`,
    `--min-port=${minPort}`,
    `--max-port=${minPort + RELAY_PORT_COUNT - 1}`,
    `--realm=${options.realm ?? 'wvv.test'}`,
    '--fingerprint',
    // Both browsers are on 127.0.0.1 inside the test's namespace; a trust's coturn denies this.
    '--allow-loopback-peers',
    '--no-cli',
    '--no-tls',
    '--no-dtls',
    '--use-auth-secret',
    `--static-auth-secret=${secret}`,
    '--log-file=stdout',
    '--simple-log',
    // Its defaults are under /var, shared with any other coturn on the machine.
    `--pidfile=${join(dir, 'turnserver.pid')}`,
    `--userdb=${join(dir, 'turndb')}`,
  ]);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && child.signalCode === null && process.kill(child.pid!, 'SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const failed = await Promise.race([spawnError, new Promise<null>((resolve) => setTimeout(() => resolve(null), POLL_MS))]);
    if (failed) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`could not run ${TURNSERVER_PATH} (install Debian's coturn package): ${failed.message}`);
    }
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`coturn exited with code ${child.exitCode}:\n${output}`);
    }
    if ((await answersStun(port, POLL_MS * 4)) && (await acceptsTcp(port))) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`coturn did not listen on 127.0.0.1:${port} within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
  }
  return {
    port,
    secret,
    urls: { udp: `turn:127.0.0.1:${port}?transport=udp`, tcp: `turn:127.0.0.1:${port}?transport=tcp` },
    pid: child.pid!,
    output: () => output,
    stop,
  };
}
