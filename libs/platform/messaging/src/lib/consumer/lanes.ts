/**
 * A lane keeps messages that write the same aggregate from running at the same time when the
 * partition key (the producer's aggregate) does not: a saga's verdicts arrive together, one
 * durable per participant, and all write the saga's stream; orders of one consumer arrive in
 * different partitions and all write that consumer's account. Declared on the handlers:
 * `@EventPattern(subject, { handler: 'payment-verdicts', lane: laneByField('order', 'orderId') })`.
 * Lane keys are shared by all of an app's durables.
 */
export interface Lane {
  readonly name: string;
  /** The message's key in this lane; undefined when the payload has none (it then takes no lane). */
  key(payload: unknown): string | undefined;
}

/** A lane keyed by a string field of the payload (e.g. the orderId a saga is keyed by). */
export function laneByField(name: string, field: string): Lane {
  return {
    name,
    key: (payload) => {
      const value = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[field] : undefined;
      return typeof value === 'string' && value.length > 0 ? value : undefined;
    },
  };
}

export function isLane(value: unknown): value is Lane {
  return typeof value === 'object' && value !== null && typeof (value as Lane).name === 'string' && typeof (value as Lane).key === 'function';
}

/**
 * The lane keys held by this app's running transactions. A batch takes all its keys before its
 * transaction begins, in one global order (sorted), so two batches never wait for each other
 * crosswise; and a message waiting for its lane holds no database connection. (Without lanes
 * the wait happens in PostgreSQL, on the stream's lock, holding a pooled connection; two batches
 * taking the same locks in different orders then wait out the batch lock timeout and fall back
 * to one transaction per message, which is how a saga's consumers fell behind under load.)
 */
export class LaneLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Keys currently held or waited for. */
  get size(): number {
    return this.tails.size;
  }

  /** Resolves once every key is held, with the function that releases them all. */
  async acquire(keys: Iterable<string>): Promise<() => void> {
    const taken: Array<{ key: string; gate: Promise<void>; open: () => void }> = [];
    for (const key of [...new Set(keys)].sort()) {
      const before = this.tails.get(key);
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      this.tails.set(key, gate);
      taken.push({ key, gate, open });
      if (before) await before;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const { key, gate, open } of taken) {
        if (this.tails.get(key) === gate) this.tails.delete(key);
        open();
      }
    };
  }
}
