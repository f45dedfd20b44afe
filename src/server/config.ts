import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { isValidTimeZone } from '../shared/index.js';
import { ConfigError } from './config-error.js';
import { readDatabaseConfig, type DatabaseConfig } from './database-config.js';
import { readIceConfig, type IceConfig } from './ice-config.js';
import { readNotifyConfig, type NotifyConfig } from './notify-config.js';
import { readTrustProxy, type ProxyTrust } from './security/proxy-trust.js';

export { ConfigError } from './config-error.js';
export type { DatabaseConfig } from './database-config.js';
export type { IceConfig } from './ice-config.js';
export type { NotifyConfig } from './notify-config.js';
export type { ProxyTrust } from './security/proxy-trust.js';

/** Everything the server reads from its environment, checked once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** SQLite in DATA_DIR, or PostgreSQL when DATABASE_URL is set. */
  database: DatabaseConfig;
  /** The hospital's time zone: visit times are typed and shown in it. */
  timeZone: string;
  production: boolean;
  logLevel: string;
  /** Folder of the built UI (dist/ui). */
  uiDir: string;
  /** Secret for join link tokens; null means one kept in DATA_DIR (fine for a single node). */
  joinLinkSecret: string | null;
  /** STUN/TURN servers and ICE policy for calls; with none, direct (host) paths only. */
  ice: IceConfig;
  /** How long a call waits for a ward tablet that dropped out before the visit is ended. */
  callGraceMs: number;
  /** How long personal data is kept after a visit ends, is cancelled or is missed. */
  retentionMs: number;
  /** How long the admin audit log is kept. */
  auditRetentionMs: number;
  /** The trust's public address (https://visits.example.org), for links sent to people; null: the address a page was opened at. */
  publicUrl: string | null;
  /** The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; null: none, both headers ignored. */
  trustProxy: ProxyTrust | null;
  /** Open connections one address may hold (not the trusted proxy's: it must keep its own count). */
  maxConnectionsPerAddress: number;
  /** GOV.UK Notify for visitors' texts and emails; null: not set up, staff share links themselves. */
  notify: NotifyConfig | null;
  /**
   * This node's name among several on one database (NODE_NAME; by default host name and
   * port): a node that restarts takes back its own claims on jobs at once.
   */
  nodeName: string;
  /** REDIS_URL: the relay's rooms and emits shared by several nodes; null: one node. */
  redisUrl: string | null;
  /** METRICS_TOKEN: GET /metrics answers the bearer of it; null: no metrics served. */
  metricsToken: string | null;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const DEFAULT_PORT = 3000;

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new ConfigError('PORT', `must be a whole number from 0 to 65535 (it is "${value}")`);
  }
  return port;
}

function readChoice(variable: string, value: string | undefined, choices: string[], fallback: string): string {
  const chosen = value === undefined || value === '' ? fallback : value;
  if (!choices.includes(chosen)) {
    throw new ConfigError(variable, `must be one of ${choices.join(', ')} (it is "${chosen}")`);
  }
  return chosen;
}

const SECRET_MIN_LENGTH = 32;

const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A length of time typed as a whole number of one unit, within bounds; answered in milliseconds. */
interface Duration {
  variable: string;
  unit: 'seconds' | 'hours' | 'days';
  unitMs: number;
  max: number;
  fallback: number;
}

function readDuration(value: string | undefined, { variable, unit, unitMs, max, fallback }: Duration): number {
  if (value === undefined || value === '') return fallback * unitMs;
  const amount = Number(value);
  if (!/^\d+$/.test(value) || amount < 1 || amount > max) {
    throw new ConfigError(variable, `must be a whole number of ${unit} from 1 to ${max} (it is "${value}")`);
  }
  return amount * unitMs;
}

/**
 * Two minutes covers a lift, a side room or a Wi-Fi hand-over at shift change; an hour is far
 * past any outage worth waiting for, and keeps well inside setTimeout's range.
 */
const CALL_GRACE: Duration = { variable: 'CALL_GRACE_SECONDS', unit: 'seconds', unitMs: SECOND_MS, max: 3600, fallback: 120 };
/** The product promises deletion "within 24 hours"; a trust may choose to keep data for less. */
const RETENTION: Duration = { variable: 'RETENTION_HOURS', unit: 'hours', unitMs: HOUR_MS, max: 24, fallback: 24 };
/** A year by default; ten years at most: past any records policy, and a guard against a typo of extra digits. */
const AUDIT_RETENTION: Duration = { variable: 'AUDIT_RETENTION_DAYS', unit: 'days', unitMs: DAY_MS, max: 3650, fallback: 365 };

/**
 * 25 wards sharing 50 tablets behind one NAT, each tablet holding Chromium's 6 HTTP/1.1
 * connections to the host and two WebSockets, is 400 at shift change; 500 leaves room for the
 * visitors on the hospital's guest Wi-Fi. A bigger site raises it.
 */
const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 500;
/** Past what a single server's file descriptors would allow anyway: a larger number is a typo. */
const MAX_CONNECTIONS_PER_ADDRESS_LIMIT = 100_000;

function readConnectionCap(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
  const cap = Number(value);
  if (!/^\d+$/.test(value) || cap < 1 || cap > MAX_CONNECTIONS_PER_ADDRESS_LIMIT) {
    throw new ConfigError('MAX_CONNECTIONS_PER_ADDRESS', `must be a whole number from 1 to ${MAX_CONNECTIONS_PER_ADDRESS_LIMIT} (it is "${value}")`);
  }
  return cap;
}

/** An origin only (scheme, host, optional port), and https in production unless it is this machine. */
function readPublicUrl(value: string | undefined, production: boolean): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('PUBLIC_URL', `must be an address such as https://visits.example.org (it is "${value}")`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
    throw new ConfigError('PUBLIC_URL', `must be an address with no path, such as https://visits.example.org (it is "${value}")`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (production && url.protocol !== 'https:' && !local) throw new ConfigError('PUBLIC_URL', `must start with https:// in production (it is "${value}")`);
  return url.origin;
}

function readSecret(value: string | undefined, variable = 'JOIN_LINK_SECRET'): string | null {
  if (value === undefined || value === '') return null;
  if (value.length < SECRET_MIN_LENGTH) {
    throw new ConfigError(variable, `must be at least ${SECRET_MIN_LENGTH} characters of random text`);
  }
  return value;
}

/** redis:// or rediss:// (TLS); the password it may carry is never repeated back. */
function readRedisUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Named below without the value.
  }
  if (!url || !['redis:', 'rediss:'].includes(url.protocol) || !url.hostname) {
    throw new ConfigError('REDIS_URL', 'must be an address such as redis://redis.internal:6379 or rediss://… for TLS');
  }
  return value;
}

const NODE_NAME_MAX_LENGTH = 100;

function readNodeName(value: string | undefined, port: number): string {
  if (value === undefined || value === '') return `${hostname()}:${port}`;
  if (value.length > NODE_NAME_MAX_LENGTH || !/^[\w.:-]+$/.test(value)) {
    throw new ConfigError('NODE_NAME', `must be letters, digits, dots, dashes or colons, at most ${NODE_NAME_MAX_LENGTH} (it is "${value}")`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv, projectRoot: string): Config {
  const nodeEnv = readChoice('NODE_ENV', env.NODE_ENV, ['development', 'production', 'test'], 'development');
  const timeZone = env.TZ || 'Europe/London';
  if (!isValidTimeZone(timeZone)) {
    throw new ConfigError('TZ', `must be a time zone name such as Europe/London (it is "${timeZone}")`);
  }
  const host = env.HOST || '127.0.0.1';
  if (/\s/.test(host)) throw new ConfigError('HOST', `must be a host name or address (it is "${host}")`);
  const production = nodeEnv === 'production';
  const publicUrl = readPublicUrl(env.PUBLIC_URL, production);
  const port = readPort(env.PORT);
  return {
    port,
    host,
    dataDir: resolve(projectRoot, env.DATA_DIR || 'data'),
    database: readDatabaseConfig(env),
    timeZone,
    production,
    logLevel: readChoice('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, 'info'),
    uiDir: resolve(projectRoot, 'dist/ui'),
    joinLinkSecret: readSecret(env.JOIN_LINK_SECRET),
    ice: readIceConfig(env),
    callGraceMs: readDuration(env.CALL_GRACE_SECONDS, CALL_GRACE),
    retentionMs: readDuration(env.RETENTION_HOURS, RETENTION),
    auditRetentionMs: readDuration(env.AUDIT_RETENTION_DAYS, AUDIT_RETENTION),
    publicUrl,
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    maxConnectionsPerAddress: readConnectionCap(env.MAX_CONNECTIONS_PER_ADDRESS),
    notify: readNotifyConfig(env, publicUrl, production),
    nodeName: readNodeName(env.NODE_NAME, port),
    redisUrl: readRedisUrl(env.REDIS_URL),
    metricsToken: readSecret(env.METRICS_TOKEN, 'METRICS_TOKEN'),
  };
}
