/**
 * The Redis commands live state uses, as node-redis 5 answers them. relay/cluster.ts is the
 * only importer of `redis`; it hands its client over as this.
 */
export interface RedisCommands {
  get(key: string): Promise<string | null>;
  mGet(keys: string[]): Promise<(string | null)[]>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  sMembers(key: string): Promise<string[]>;
  sCard(key: string): Promise<number>;
  sRem(key: string, members: string[]): Promise<number>;
  zAdd(key: string, member: { score: number; value: string }): Promise<number>;
  zRem(key: string, member: string): Promise<number>;
  zRangeByScore(key: string, min: number, max: number, options: { LIMIT: { offset: number; count: number } }): Promise<string[]>;
  set(key: string, value: string, options: { PX?: number; NX?: true }): Promise<string | null>;
  sAdd(key: string, members: string[]): Promise<number>;
  pExpire(key: string, ms: number): Promise<number>;
  del(keys: string[]): Promise<number>;
}

/** Every key this product keeps in Redis starts with this, so a shared Redis can tell them apart. */
export const KEY_PREFIX = 'wvv:';
