import { sql } from 'kysely';
import { isPostgres, type Db } from './database.js';

export interface StoredResult {
  requestHash: string;
  statusCode: number;
  body: unknown;
}

export async function findResult(db: Db, wardId: string, key: string): Promise<StoredResult | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response_body'])
    .where('ward_id', '=', wardId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && { requestHash: row.request_hash, statusCode: Number(row.status_code), body: JSON.parse(row.response_body) };
}

export async function saveResult(db: Db, wardId: string, key: string, result: StoredResult, now: Date): Promise<void> {
  await db
    .insertInto('idempotency_keys')
    .values({
      ward_id: wardId,
      key,
      request_hash: result.requestHash,
      status_code: result.statusCode,
      response_body: JSON.stringify(result.body),
      created_at: now.toISOString(),
    })
    .execute();
}

/**
 * Makes commands with the same (ward, key) take turns, until the transaction ends. On SQLite
 * they already do (one writer at a time). On PostgreSQL two replays of one command on two
 * nodes would otherwise both miss the stored answer, and the later one, reading the earlier
 * one's commit half-way, answer "conflict" or "ids in use" instead of the same result. A
 * transaction-scoped advisory lock on a hash of the pair needs no row to exist yet (the key's
 * row is written only at the end); a rare hash collision only makes two commands queue.
 */
export async function lockKey(trx: Db, wardId: string, key: string): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtextextended(${`${wardId}:${key}`}, 0))`.execute(trx);
}
