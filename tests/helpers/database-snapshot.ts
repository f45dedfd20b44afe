import { sql } from 'kysely';
import type { Db } from '../../src/server/store/database.js';
import { tableNames } from './db-tables.js';

/** Every row of every table, by table name: for tests that prove a refusal changed nothing. */
export async function databaseSnapshot(db: Db): Promise<Record<string, Record<string, unknown>[]>> {
  const snapshot: Record<string, Record<string, unknown>[]> = {};
  for (const name of await tableNames(db)) {
    snapshot[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)} order by 1`.execute(db)).rows;
  }
  return snapshot;
}
