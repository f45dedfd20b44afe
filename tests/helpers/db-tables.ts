import { sql } from 'kysely';
import { isPostgres, type Db } from '../../src/server/store/database.js';

/**
 * The database's own list of tables and columns, read from its catalogue rather than the
 * schema type, so a table or column added later is seen too: sqlite_master and
 * pragma_table_info on SQLite, information_schema on PostgreSQL (the public schema, where the
 * migrations put everything, Kysely's own migration tables included as on SQLite).
 */
export async function tableNames(db: Db): Promise<string[]> {
  const query = isPostgres(db)
    ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
    : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

export async function columnNames(db: Db, table: string): Promise<string[]> {
  const query = isPostgres(db)
    ? sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`
    : sql<{ name: string }>`select name from pragma_table_info(${table})`;
  return (await query.execute(db)).rows.map((row) => row.name);
}
