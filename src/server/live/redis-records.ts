import { createHmac } from 'node:crypto';
import { KeyQueue } from './key-queue.js';
import type { RedisCommands } from './redis-commands.js';
import { KEY_PREFIX } from './redis-commands.js';
import type { Change, LiveRecords, RecordKind } from './records.js';

/**
 * Compare-and-set: the record is written only if it is still what the change was worked out
 * from, with its TTL, and kept in the kind's index and its group's (sets with the same TTL).
 * KEYS: record, index, group index (absent for an unindexed kind). ARGV: expected ('' for
 * none), next ('' to forget it), TTL in ms, the record's id.
 */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
  for i = 2, #KEYS do redis.call('SREM', KEYS[i], ARGV[4]) end
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  for i = 2, #KEYS do
    redis.call('SADD', KEYS[i], ARGV[4])
    redis.call('PEXPIRE', KEYS[i], ARGV[3])
  end
end
return 1
`;

/** Changes by other nodes in between, at most, before one gives up saying so. */
const MAX_TRIES = 100;

export class LiveStateContended extends Error {
  override name = 'LiveStateContended';
}

/**
 * Live records in Redis, for several nodes. A change reads the record, works out the next one
 * here, and writes it only if nobody changed it meanwhile (else it runs again on what is there
 * now), so the relay's rules stay in TypeScript and no lock can be left behind by a node that
 * dies. One Redis, not Redis Cluster: a change touches keys that must sit together.
 */
export function redisRecords<T>(redis: RedisCommands, kind: RecordKind<T>, keySecret: string): LiveRecords<T> {
  const queue = new KeyQueue();
  const base = `${KEY_PREFIX}${kind.name}`;
  const recordKey = (id: string) => `${base}:${kind.personalKeys ? createHmac('sha256', keySecret).update(id).digest('base64url') : id}`;
  const indexKey = `${base}-index`;
  const groupKey = (group: string | null | undefined) => (group ? `${base}-group:${group}` : `${base}-ungrouped`);

  const readAll = async (setKey: string): Promise<T[]> => {
    const ids = await redis.sMembers(setKey);
    if (ids.length === 0) return [];
    const texts = await redis.mGet(ids.map(recordKey));
    // A record whose TTL ran out leaves its id behind in the sets: tidied here.
    const gone = ids.filter((_id, index) => texts[index] === null);
    if (gone.length > 0) await redis.sRem(setKey, gone);
    return texts.filter((text): text is string => text !== null).map((text) => kind.decode(text));
  };

  return {
    read(id) {
      return queue.run(id, async () => {
        const text = await redis.get(recordKey(id));
        return text === null ? undefined : kind.decode(text);
      });
    },
    update<R>(id: string, change: (record: T | undefined) => Change<T, R>) {
      return queue.run(id, async () => {
        for (let tries = 0; tries < MAX_TRIES; tries++) {
          const before = (await redis.get(recordKey(id))) ?? '';
          const record = before ? kind.decode(before) : undefined;
          const group = record && kind.groupOf?.(record);
          const { keep, answer } = change(record);
          const after = keep === null ? '' : kind.encode(keep);
          const keys = kind.unindexed ? [recordKey(id)] : [recordKey(id), indexKey, groupKey(keep === null ? group : kind.groupOf?.(keep))];
          const written = await redis.eval(COMPARE_AND_SET, { keys, arguments: [before, after, String(kind.ttlMs), id] });
          if (written === 1) return answer;
        }
        throw new LiveStateContended(`A live ${kind.name} record changed ${MAX_TRIES} times while it was being changed`);
      });
    },
    group: (name) => readAll(groupKey(name)),
    // The index's size, not a read of every record: a metrics scrape stays one command. An id
    // outlives its record only if every node died before the TTL; the index then expires too.
    count: () => redis.sCard(indexKey),
  };
}
