import type { Kysely } from 'kysely';

/** Released: never edit. Add a new numbered file instead. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trusts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('hospitals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trust_id', 'text', (c) => c.notNull().references('trusts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hospital_id', 'text', (c) => c.notNull().references('hospitals.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('pin_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ward_id', 'text', (c) => c.notNull().references('wards.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('length_minutes', 'integer', (c) => c.notNull())
    .addColumn('patient_name', 'text')
    .addColumn('bed', 'text')
    .addColumn('visitor_name', 'text')
    .addColumn('visitor_mobile', 'text')
    .addColumn('visitor_email', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('rebook_of', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visits_ward_starts').on('visits').columns(['ward_id', 'starts_at']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('ward_id', 'text', (c) => c.notNull().references('wards.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('ward_id', 'text', (c) => c.notNull().references('wards.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['ward_id', 'key'])
    .execute();

  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ward_code', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failures_code').on('sign_in_failures').columns(['ward_code', 'failed_at']).execute();

  await db.schema
    .createTable('ward_lockouts')
    .addColumn('ward_code', 'text', (c) => c.primaryKey())
    .addColumn('locked_until', 'text', (c) => c.notNull())
    .execute();
}
