/**
 * One key's work on this node, in the order it was asked for: two changes to one call room
 * from this node never race each other (only other nodes' can, and compare-and-set settles
 * those), and a read asked for after a change sees it.
 */
export class KeyQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<R>(key: string, task: () => Promise<R>): Promise<R> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(task);
    // The queue only waits for the task; its failure is the caller's, through `result`.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
