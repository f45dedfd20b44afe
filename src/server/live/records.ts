/**
 * Live state shared by the nodes (the call rooms, who is at each link): records read and
 * changed by key, each change alone on its key however many nodes make one at once. One
 * interface, two implementations: in this process's memory for one node (memory-records.ts),
 * and Redis with a TTL for several (redis-records.ts). Nothing here is ever written to the
 * database: it is live, and it goes when the last node that knew it stops or its TTL runs out.
 */
export interface LiveRecords<T> {
  /** What the record holds now. A look, not a hold: do not change what it answers. */
  read(key: string): Promise<T | undefined>;
  /**
   * Changes one record with no other change to it, on any node, in between. `change` gets the
   * record (undefined when there is none) to change in place, and says what to keep (null
   * forgets it) and what to answer. It must not wait on anything: it may be run again.
   */
  update<R>(key: string, change: (record: T | undefined) => Change<T, R>): Promise<R>;
  /** Every record in one group (a ward's visits), for a tablet that connects. */
  group(name: string): Promise<T[]>;
  /** How many records there are, for the metrics. */
  count(): Promise<number>;
}

export interface Change<T, R> {
  keep: T | null;
  answer: R;
}

/** How a kind of record is written down in Redis, and which group it belongs to. */
export interface RecordKind<T> {
  /** Names the kind in Redis's keys: `wvv:<name>:…`. */
  name: string;
  encode(record: T): string;
  decode(text: string): T;
  groupOf?(record: T): string | null;
  /** A record nothing changes for this long is forgotten (a node died holding it). */
  ttlMs: number;
  /** Kept out of the index `count` and `group` read: records only ever looked up by key. */
  unindexed?: boolean;
  /** In memory, the most kept: the least recently changed goes first. */
  maxRecords?: number;
  /** Its keys are personal data (a network address): Redis sees only a keyed hash of them. */
  personalKeys?: boolean;
}
