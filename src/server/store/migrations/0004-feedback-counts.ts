import type { Kysely } from 'kysely';

/**
 * Released: never edit. Visitor feedback kept only as counts per ward, day and answer, with
 * nothing that leads back to a visit or a person. Each visit keeps just how many answers it
 * has given, so one link cannot stuff the counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('visits').addColumn('feedback_given', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('feedback_counts')
    .addColumn('ward_id', 'text', (c) => c.notNull().references('wards.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_counts_pk', ['ward_id', 'day', 'answer'])
    .execute();
}
