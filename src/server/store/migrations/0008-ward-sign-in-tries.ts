import type { Kysely } from 'kysely';

/**
 * Released: never edit. Ward sign-in limits, redone (issue 12):
 * - `sign_in_failures` and `ward_lockouts` kept whatever was typed as a ward code, in clear,
 *   for ever (a PIN typed into the code box stayed there). Tries are now counted per ward, by
 *   its id, and only for codes that exist; unknown codes are limited in memory per address.
 * - `ward_devices`: a credential a tablet gets at its first sign-in, so a tablet the ward
 *   already uses can still sign in while strangers' guesses have locked the code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema.dropTable('ward_lockouts').execute();

  await db.schema
    .createTable('ward_sign_in_tries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ward_id', 'text', (c) => c.notNull().references('wards.id'))
    .addColumn('tried_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ward_sign_in_tries_ward').on('ward_sign_in_tries').columns(['ward_id', 'tried_at']).execute();

  await db.schema
    .createTable('ward_devices')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('ward_id', 'text', (c) => c.notNull().references('wards.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}
