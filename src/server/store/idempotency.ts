import type { Db } from './database.js';

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
