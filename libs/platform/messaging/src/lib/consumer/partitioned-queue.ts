/**
 * Runs work items with bounded concurrency while keeping items of the same key strictly in
 * order: one item per key at a time, keys in the order they became ready. This is what lets
 * a consumer process different aggregates in parallel without reordering any one of them.
 *
 * Items are handed to `work` in batches: a free slot takes the heads of up to `maxBatch` ready
 * keys at once (one item per key, so a batch never holds two items of one key). While slots are
 * free, every ready key gets a slot of its own and batches are of one; batches grow only when
 * items arrive faster than the slots finish, which is when doing several at once pays.
 */
export class PartitionedQueue<T> {
  private readonly partitions = new Map<string, T[]>();
  private readonly ready: string[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly active = new Set<string>();
  private held = 0;
  private waiters: Array<() => void> = [];
  private halted = false;

  constructor(
    private readonly concurrency: number,
    private readonly work: (items: T[]) => Promise<void>,
    private readonly maxBatch = 1,
  ) {}

  /** Items queued or running. */
  get size(): number {
    return this.held;
  }

  push(key: string, item: T): void {
    if (this.halted) throw new Error('PartitionedQueue is halted');
    this.held++;
    const queue = this.partitions.get(key);
    if (queue) {
      queue.push(item);
      return;
    }
    this.partitions.set(key, [item]);
    this.ready.push(key);
    this.pump();
  }

  /** Resolves once fewer than `limit` items are held (back-pressure for the fetch loop). */
  async roomFor(limit: number): Promise<void> {
    while (this.held >= limit) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /**
   * Starts nothing new and waits for the running items to finish. Returns the queued items
   * that never started: the caller leaves them unacknowledged for redelivery.
   */
  async halt(): Promise<T[]> {
    this.halted = true;
    const neverStarted: T[] = [];
    for (const [key, queue] of this.partitions) neverStarted.push(...(this.active.has(key) ? queue.slice(1) : queue));
    this.ready.length = 0;
    await Promise.all(this.running);
    this.partitions.clear();
    this.held = 0;
    this.wake();
    return neverStarted;
  }

  private pump(): void {
    while (!this.halted && this.running.size < this.concurrency && this.ready.length > 0) {
      // Defer to a later tick only the part beyond a slot per ready key: with slots to spare, no batching.
      const slotsLeft = this.concurrency - this.running.size;
      const take = Math.min(this.maxBatch, Math.max(1, Math.ceil(this.ready.length / slotsLeft)));
      const keys = this.ready.splice(0, take);
      const items = keys.map((key) => (this.partitions.get(key) as T[])[0]);
      for (const key of keys) this.active.add(key);
      const run = this.work(items)
        .catch(() => undefined) // work reports its own failures; a partition must never stall on one
        .then(() => {
          this.running.delete(run);
          for (const key of keys) {
            this.active.delete(key);
            this.finish(key);
          }
          this.wake();
          this.pump();
        });
      this.running.add(run);
    }
  }

  private finish(key: string): void {
    if (this.halted) return;
    const queue = this.partitions.get(key) as T[];
    queue.shift();
    this.held--;
    if (queue.length > 0) this.ready.push(key);
    else this.partitions.delete(key);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
