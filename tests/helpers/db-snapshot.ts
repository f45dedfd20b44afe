import { sql } from 'kysely';
import type { Db } from '../../src/server/store/database.js';

/**
 * Whether bad input wrote to the database. SQLite's total_changes() counts every row any
 * statement on the server's connection has inserted, updated or deleted, so comparing it around
 * each payload is cheap and says which payload wrote; databaseSnapshot (every row of every
 * table) compared around a whole run says which table changed.
 */
export async function rowsWritten(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return Number(rows[0]!.n);
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Record<string, unknown[]>, after: Record<string, unknown[]>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}
