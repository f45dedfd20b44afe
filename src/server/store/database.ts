import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../database-config.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

const DATA_DIR_MODE = 0o700;
const DATABASE_FILE_MODE = 0o600;

/**
 * The embedded default: one SQLite file in DATA_DIR, in WAL mode so readers never wait for
 * the writer. Callers only ever see `Db`, whichever dialect is under it.
 */
export function sqliteDialect(dataDir: string): Dialect {
  // Only the server's own user may read the folder and the database (patients' names are in
  // it for up to a day). A folder the trust made itself keeps the mode they chose.
  mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  const path = join(dataDir, 'ward-visits.sqlite');
  const file = new SQLite(path);
  // SQLite gives its -wal and -shm files the database file's mode.
  chmodSync(path, DATABASE_FILE_MODE);
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  // Zero deleted and overwritten rows on disk instead of leaving them in free space, so the
  // retention job's deletions really delete (https://www.sqlite.org/pragma.html#pragma_secure_delete).
  file.pragma('secure_delete = ON');
  // Wait for a moment rather than fail when another process holds the write lock.
  file.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: file });
}

/**
 * PostgreSQL over a pool of `poolSize` connections (DATABASE_URL; TLS by its sslmode). The
 * pool opens connections as queries need them. A connection that breaks while idle (the
 * server restarted, a failover) is reported here and replaced at the next query, instead of
 * the pool's unhandled 'error' event stopping the process.
 */
export function postgresDialect(url: string, poolSize: number, onIdleError: (error: Error) => void = reportIdleError): Dialect {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', onIdleError);
  return new PostgresDialect({ pool });
}

function reportIdleError(error: Error): void {
  process.stderr.write(`A database connection closed while idle: ${error.message}\n`);
}

/** The dialect the configuration chose: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function configuredDialect(database: DatabaseConfig, dataDir: string): Dialect {
  return database.kind === 'postgres' ? postgresDialect(database.url, database.poolSize) : sqliteDialect(dataDir);
}

/** For the few statements that differ between the dialects (row locks, SQLite's pragmas). */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * `SELECT … FOR UPDATE` on PostgreSQL, the plain select on SQLite. PostgreSQL runs
 * transactions side by side (READ COMMITTED), so a read that decides a later write must lock
 * the row it read; SQLite has no row locks and needs none: its writers take turns (one
 * connection, and the database's single write lock across processes).
 */
export function forUpdate<Query extends { forUpdate(): Query }>(db: Db, query: Query): Query {
  return isPostgres(db) ? query.forUpdate() : query;
}

/** A unique index or primary key refused the write, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // pg: SQLSTATE 23505 unique_violation; better-sqlite3: SQLite's extended result codes.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export async function openDatabase(dialect: Dialect): Promise<Db> {
  const db = new Kysely<Database>({ dialect });
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new MigrationError(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  return db;
}
