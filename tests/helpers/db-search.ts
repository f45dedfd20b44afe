import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../src/server/store/database.js';
import { columnNames, tableNames } from './db-tables.js';

/**
 * Every "table.column" of the database holding `needle` anywhere in its text, read through
 * the catalogue rather than the schema type, so a table or column added later (or a JSON blob
 * such as a stored command answer) is searched too. SQLite or PostgreSQL alike.
 */
export async function columnsHolding(db: Db, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const table of await tableNames(db)) {
    for (const column of await columnNames(db, table)) {
      const found = await sql<{ n: number }>`
        select count(*) as n from ${sql.table(table)} where cast(${sql.ref(column)} as text) like ${`%${needle}%`}
      `.execute(db);
      if (Number(found.rows[0]?.n) > 0) hits.push(`${table}.${column}`);
    }
  }
  return hits;
}

/**
 * The files in a data folder whose bytes hold `needle`: the database file, its write-ahead log
 * and anything else, so text a query can no longer see (free pages, old log frames) is found.
 * SQLite only: a PostgreSQL database's files are the database server's, not in the folder
 * (its old row versions go by autovacuum, which a test cannot wait for).
 */
export function filesHolding(dataDir: string, needle: string): string[] {
  return readdirSync(dataDir).filter((file) => readFileSync(join(dataDir, file)).includes(needle));
}
