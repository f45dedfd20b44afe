import { sql } from 'kysely';
import type { Db } from '../../src/server/store/database.js';
import { tableNames } from './db-tables.js';

/**
 * Whether a refusal changed the database, two ways: databaseSnapshot (every row of every
 * table) compared around a whole run says which table changed; rowsWritten (SQLite's count of
 * rows written on the server's connection) compared around each payload is cheap and says
 * which payload wrote.
 */

export type DatabaseSnapshot = Record<string, Record<string, unknown>[]>;

/** Every row of every table, by table name. */
export async function databaseSnapshot(db: Db): Promise<DatabaseSnapshot> {
  const snapshot: DatabaseSnapshot = {};
  for (const name of await tableNames(db)) {
    snapshot[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)} order by 1`.execute(db)).rows;
  }
  return snapshot;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Record<string, unknown[]>, after: Record<string, unknown[]>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}

/**
 * SQLite's total_changes(): every row any statement on the server's connection has inserted,
 * updated or deleted so far.
 */
export async function rowsWritten(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return Number(rows[0]!.n);
}
