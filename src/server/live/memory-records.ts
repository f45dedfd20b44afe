import type { Change, LiveRecords, RecordKind } from './records.js';

/**
 * Live records for one node: plain objects in a Map. A change runs at once, before `update`
 * first waits, so the check and the change stay together as they did with a Map of its own.
 */
export function memoryRecords<T>(kind: Pick<RecordKind<T>, 'groupOf' | 'maxRecords'>): LiveRecords<T> {
  const records = new Map<string, T>();
  return {
    async read(key) {
      return records.get(key);
    },
    // Not `async`, and no wait before the change: it runs at once, in the caller's turn.
    update<R>(key: string, change: (record: T | undefined) => Change<T, R>): Promise<R> {
      try {
        const { keep, answer } = change(records.get(key));
        // Deleted first, so a Map's insertion order is the order of the last change.
        records.delete(key);
        if (keep !== null) records.set(key, keep);
        if (kind.maxRecords !== undefined && records.size > kind.maxRecords) records.delete(records.keys().next().value!);
        return Promise.resolve(answer) as Promise<R>;
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    async group(name) {
      return [...records.values()].filter((record) => kind.groupOf?.(record) === name);
    },
    async count() {
      return records.size;
    },
  };
}
