import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './notify-env.js';

/**
 * A throwaway PostgreSQL cluster for one test run, from Debian's `postgresql` package
 * (PLATFORM.md: ready in under 2 s). It listens on 127.0.0.1 at a free port, with its socket
 * in its own temp folder, trusts local connections (nothing else can reach it) and runs with
 * fsync off: a crash loses only test data. initdb refuses to run as root, so under root (CI,
 * this machine) every PostgreSQL program runs as the `postgres` user the package creates,
 * via runuser, in a folder that user owns.
 */
export interface Cluster {
  /** postgres://postgres@127.0.0.1:PORT: add a database name. */
  baseUrl: string;
  dir: string;
  pid: number;
}

const SUPERUSER = 'postgres';
/** Each test server's pool may open 10; two nodes per test and two test files at once stay far below. */
const MAX_CONNECTIONS = 200;

/** The newest installed server's programs, or PG_BIN. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN to its bin folder)');
  return join(root, newest, 'bin');
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function runPg(program: string, args: string[]): void {
  const path = join(binDir(), program);
  const [command, argv] = asRoot ? ['runuser', ['-u', SUPERUSER, '--', path, ...args]] : [path, args];
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout || String(result.error)}`);
}

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'wvv-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  // C locale: text compares byte by byte, as SQLite's does, so ordering is the same on both.
  runPg('initdb', ['-D', data, '-U', SUPERUSER, '--auth=trust', '--locale=C', '--encoding=UTF8', '--no-sync']);
  const port = await freePort();
  const options = [`-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`, '-c fsync=off -c synchronous_commit=off -c full_page_writes=off', `-c max_connections=${MAX_CONNECTIONS}`];
  runPg('pg_ctl', ['start', '-w', '-s', '-D', data, '-l', join(dir, 'server.log'), '-o', options.join(' ')]);
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { baseUrl: `postgres://${SUPERUSER}@127.0.0.1:${port}`, dir, pid };
}

/** Fast shutdown (SIGINT: open sessions are rolled back) of the postmaster by its pid, then its folder goes. */
export async function stopCluster(cluster: Cluster): Promise<void> {
  try {
    process.kill(cluster.pid, 'SIGINT');
  } catch {
    // Already gone: nothing to stop.
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && alive(cluster.pid)) await new Promise((done) => setTimeout(done, 50));
  if (alive(cluster.pid)) process.kill(cluster.pid, 'SIGKILL');
  rmSync(cluster.dir, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A test server's database, named after its data folder: a server restarted on the same
 * folder (as the SQLite tests do) finds the same database, and so do the command line and a
 * second node given that folder.
 */
export function databaseNameFor(dataDir: string): string {
  return `wvv_${createHash('sha256').update(dataDir).digest('hex').slice(0, 20)}`;
}

export function databaseUrl(baseUrl: string, name: string): string {
  return `${baseUrl}/${name}`;
}

async function onMaintenance<T>(baseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(baseUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database unless it exists; answers whether it made it. template0: empty, whatever another test did. */
export async function ensureDatabase(baseUrl: string, name: string): Promise<boolean> {
  return onMaintenance(baseUrl, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`create database "${name}" template template0`);
    return true;
  });
}

/** Drops the database, closing any connection still open to it (PostgreSQL 13+). */
export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  await onMaintenance(baseUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
}
