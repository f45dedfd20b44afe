import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Dialect } from 'kysely';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

const DATA_DIR_MODE = 0o700;
const DATABASE_FILE_MODE = 0o600;

/**
 * The embedded default: one SQLite file in DATA_DIR, in WAL mode so readers never wait for
 * the writer. A PostgreSQL dialect slots in here; callers only ever see `Db`.
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
