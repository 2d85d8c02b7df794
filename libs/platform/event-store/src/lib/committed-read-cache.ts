import { DataSource, EntityManager } from 'typeorm';
import { afterCommit, currentManager, transactionMemo } from './unit-of-work';

/** How many keys a CommittedReadCache keeps unless told otherwise. */
export const DEFAULT_CACHED_READS = 10_000;

/**
 * Rows this process alone writes and reads at almost every command (a context's replica of
 * another context's aggregate, read each time an order is placed), kept in memory between reads:
 * without it every command pays a round trip for a row that changes once in a while.
 *
 * Correct as long as every write of a cached row goes through this process and says so with
 * `changed(key)` in its transaction (one instance per app, as the consumers already require):
 *  - the cached value is dropped once the writing transaction has committed, never before, so
 *    no one keeps reading a value the database has replaced;
 *  - a load that was under way while any cached row was dropped is not kept: it may have read
 *    the row before that commit;
 *  - a load inside a transaction that has itself changed cached rows is not kept: it may have
 *    read its own uncommitted write, which a rollback would undo.
 * Loads run on the ambient transaction's connection (currentManager), as the read they replace
 * did: a cache must not take a second pooled connection per transaction. The oldest keys go
 * beyond `capacity`. Values are shared between callers: treat them as read-only.
 */
export class CommittedReadCache<V> {
  private readonly values = new Map<string, V>();
  /** Bumped whenever a committed write drops a key: loads begun before it are not kept. */
  private generation = 0;
  private readonly changedInTransaction = Symbol('CommittedReadCache.changed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly capacity = DEFAULT_CACHED_READS,
  ) {}

  /** The key's value: from memory, or `load`ed (and kept when that is safe, see above). */
  async get(key: string, load: (manager: EntityManager) => Promise<V>): Promise<V> {
    if (this.values.has(key)) {
      const value = this.values.get(key) as V;
      this.values.delete(key); // least recently used first out: move it to the end
      this.values.set(key, value);
      return value;
    }
    const generation = this.generation;
    const value = await load(currentManager(this.dataSource));
    if (generation === this.generation && !this.changedHere()) this.keep(key, value);
    return value;
  }

  /**
   * Tells the cache that the ambient transaction writes the rows behind `key`: their cached
   * value is dropped once it commits (at once outside a transaction).
   */
  changed(key: string): void {
    const mark = this.transactionMark();
    if (mark) mark.changed = true;
    afterCommit(this.dataSource, () => this.drop(key));
  }

  /** Keys held. */
  get size(): number {
    return this.values.size;
  }

  private changedHere(): boolean {
    return this.transactionMark()?.changed === true;
  }

  /** The ambient transaction's note of whether it changed cached rows; null outside a transaction. */
  private transactionMark(): { changed: boolean } | null {
    return transactionMemo(this.dataSource, this.changedInTransaction, () => ({ changed: false }));
  }

  private keep(key: string, value: V): void {
    this.values.set(key, value);
    if (this.values.size > this.capacity) this.values.delete(this.values.keys().next().value as string);
  }

  private drop(key: string): void {
    this.generation++;
    this.values.delete(key);
  }
}
