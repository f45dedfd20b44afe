import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../src/server/store/database.js';

/**
 * Every "table.column" of a SQLite database holding `needle` anywhere in its text, read
 * through the catalogue rather than the schema type, so a table or column added later (or a
 * JSON blob such as a stored command answer) is searched too.
 */
export async function columnsHolding(db: Db, needle: string): Promise<string[]> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  const hits: string[] = [];
  for (const { name: table } of tables.rows) {
    const columns = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
    for (const { name: column } of columns.rows) {
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
 */
export function filesHolding(dataDir: string, needle: string): string[] {
  return readdirSync(dataDir).filter((file) => readFileSync(join(dataDir, file)).includes(needle));
}
