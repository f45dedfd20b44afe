import { ConfigError } from './config-error.js';

/**
 * Which database the store opens: SQLite in DATA_DIR (the embedded default), or PostgreSQL
 * when DATABASE_URL is set (several nodes, or a trust that runs PostgreSQL already).
 */
export type DatabaseConfig = { kind: 'sqlite' } | { kind: 'postgres'; url: string; poolSize: number };

/**
 * Connections each node keeps open at most. Ten covers a node's requests, relay writes and
 * jobs at once (each query holds one for milliseconds); nodes × pool size must stay under the
 * server's max_connections (100 by default). docs/deploy.md says how to size it.
 */
export const DEFAULT_POOL_SIZE = 10;
const MAX_POOL_SIZE = 100;

/** What pg's sslmode takes (https://www.postgresql.org/docs/15/libpq-ssl.html, and pg's no-verify). */
const SSL_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'];
const EXAMPLE = 'postgres://ward_visits:password@db.example.org:5432/ward_visits?sslmode=verify-full';

/** The address without its password: start-up messages reach logs. */
function shown(url: URL): string {
  const copy = new URL(url);
  if (copy.password) copy.password = '***';
  return copy.toString();
}

function readUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Not repeated back: a mistyped address may still hold the password.
    throw new ConfigError('DATABASE_URL', `must be an address such as ${EXAMPLE} (it is not one)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql:// (it is "${shown(url)}"); leave it unset for SQLite in DATA_DIR`);
  }
  if (!url.hostname) throw new ConfigError('DATABASE_URL', `must name the database server's host (it is "${shown(url)}")`);
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', `must name the database after the host, as in ${EXAMPLE} (it is "${shown(url)}")`);
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode !== null && !SSL_MODES.includes(sslmode)) {
    throw new ConfigError('DATABASE_URL', `has sslmode "${sslmode}", which must be one of ${SSL_MODES.join(', ')}`);
  }
  return value;
}

function readPoolSize(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_POOL_SIZE;
  const size = Number(value);
  if (!/^\d+$/.test(value) || size < 1 || size > MAX_POOL_SIZE) {
    throw new ConfigError('DATABASE_POOL_SIZE', `must be a whole number from 1 to ${MAX_POOL_SIZE} (it is "${value}")`);
  }
  return size;
}

export function readDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const value = env.DATABASE_URL ?? '';
  if (value === '') {
    if (env.DATABASE_POOL_SIZE) throw new ConfigError('DATABASE_POOL_SIZE', 'is only for PostgreSQL: set DATABASE_URL too, or unset it');
    return { kind: 'sqlite' };
  }
  return { kind: 'postgres', url: readUrl(value), poolSize: readPoolSize(env.DATABASE_POOL_SIZE) };
}
