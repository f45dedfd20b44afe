import { inject } from 'vitest';
import { DEFAULT_POOL_SIZE, type DatabaseConfig } from '../../src/server/database-config.js';
import { openDatabase, postgresDialect, sqliteDialect, type Db } from '../../src/server/store/database.js';
import { databaseNameFor, databaseUrl, dropDatabase, ensureDatabase } from './postgres.js';

/**
 * Which database a test server runs on: SQLite in its data folder unless asked, or unless
 * the project sets TEST_DATABASE=postgres (the `integration-pg` project, which starts the
 * cluster in its globalSetup).
 */
export type TestDatabaseKind = 'sqlite' | 'postgres';

export function chosenDatabase(asked?: TestDatabaseKind): TestDatabaseKind {
  return asked ?? (process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite');
}

function baseUrl(): string {
  const url = inject('postgresBaseUrl');
  if (!url) throw new Error('No test PostgreSQL: run this in a project with tests/helpers/postgres-setup.ts as its globalSetup (npx vitest run --project integration-pg)');
  return url;
}

/** The variables that point a server process (or the command line) at this data folder's database. */
export function databaseEnv(dataDir: string, kind: TestDatabaseKind = chosenDatabase()): Record<string, string> {
  return kind === 'postgres' ? { DATA_DIR: dataDir, DATABASE_URL: databaseUrl(baseUrl(), databaseNameFor(dataDir)) } : { DATA_DIR: dataDir };
}

export interface OpenedTestDatabase {
  db: Db;
  config: DatabaseConfig;
  /** Drops the PostgreSQL database if this call made it (closing any node still on it); nothing for SQLite, whose file goes with the folder. */
  drop(): Promise<void>;
}

/** The data folder's database, made empty the first time; a restarted server or a second node on the folder finds the same one. */
export async function openTestDatabase(dataDir: string, kind: TestDatabaseKind): Promise<OpenedTestDatabase> {
  if (kind === 'sqlite') return { db: await openDatabase(sqliteDialect(dataDir)), config: { kind: 'sqlite' }, drop: async () => {} };
  const base = baseUrl();
  const name = databaseNameFor(dataDir);
  const made = await ensureDatabase(base, name);
  const config: DatabaseConfig = { kind: 'postgres', url: databaseUrl(base, name), poolSize: DEFAULT_POOL_SIZE };
  return { db: await openDatabase(postgresDialect(config.url, config.poolSize)), config, drop: () => (made ? dropDatabase(base, name) : Promise.resolve()) };
}

/**
 * For a server started as its own process on this data folder: the database made (empty) if
 * on PostgreSQL, and the variables that point the process at it.
 */
export async function prepareProcessDatabase(dataDir: string, kind: TestDatabaseKind = chosenDatabase()): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (kind === 'sqlite') return { env: databaseEnv(dataDir, kind), drop: async () => {} };
  const name = databaseNameFor(dataDir);
  const made = await ensureDatabase(baseUrl(), name);
  return { env: databaseEnv(dataDir, kind), drop: () => (made ? dropDatabase(baseUrl(), name) : Promise.resolve()) };
}
