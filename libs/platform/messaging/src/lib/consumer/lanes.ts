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
  /**
   * Messages of one key may run one after another in ONE transaction (see LaneScheduler): their
   * handlers write through the event store's commands, which decide a later command of a
   * transaction on the state its earlier ones left. Leave it off when a handler reads rows that
   * an earlier message of the key writes some other way (written at the commit, they would not
   * show): each message then runs in a transaction of its own, in turn.
   */
  readonly oneTransaction: boolean;
}

export interface LaneOptions {
  /** See Lane.oneTransaction. Default false. */
  readonly oneTransaction?: boolean;
}

/** A lane keyed by a string field of the payload (e.g. the orderId a saga is keyed by). */
export function laneByField(name: string, field: string, options: LaneOptions = {}): Lane {
  return {
    name,
    key: (payload) => {
      const value = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[field] : undefined;
      return typeof value === 'string' && value.length > 0 ? value : undefined;
    },
    oneTransaction: options.oneTransaction === true,
  };
}

export function isLane(value: unknown): value is Lane {
  return typeof value === 'object' && value !== null && typeof (value as Lane).name === 'string' && typeof (value as Lane).key === 'function';
}

/** A message's place in one lane: `id` is the lane's name and the key. */
export interface LaneKey {
  readonly id: string;
  readonly oneTransaction: boolean;
}

export function laneKey(lane: Lane, key: string): LaneKey {
  return { id: `${lane.name}\u0000${key}`, oneTransaction: lane.oneTransaction };
}

/** What the scheduler needs of a message: its lane keys (none: it waits for nobody). */
export interface Laned {
  readonly keys: readonly LaneKey[];
}

/** Splits messages so that no round holds two of one lane key; each key's messages keep their order. */
export function roundsByLane<T extends Laned>(items: readonly T[]): T[][] {
  const rounds: T[][] = [];
  const lastRoundOf = new Map<string, number>();
  for (const item of items) {
    const round = Math.max(-1, ...item.keys.map((key) => lastRoundOf.get(key.id) ?? -1)) + 1;
    (rounds[round] ??= []).push(item);
    for (const key of item.keys) lastRoundOf.set(key.id, round);
  }
  return rounds;
}

interface Waiting<T> {
  readonly item: T;
  readonly done: () => void;
}

/**
 * The lanes of an app's durables, and the transactions their messages run in. Every durable
 * submits the messages of its batches here; a message waits while a running group holds one of
 * its keys (or an earlier waiting message of one of its keys waits), holding no database
 * connection meanwhile. Whatever can run is taken together, in arrival order, up to `maxGroup`
 * messages, whichever durable it came from, and handed to `run` as one group (one transaction
 * for the caller): a saga's three verdicts, arriving on three durables while an earlier one of
 * the saga runs, are settled in one transaction instead of taking three turns. Two messages of
 * one key share a group only when the key's lane allows one transaction; otherwise the second
 * goes in a later group. A group holds its keys until `run` has settled it.
 */
export class LaneScheduler<T extends Laned> {
  private waiting: Array<Waiting<T>> = [];
  /** Keys of the groups running. */
  private readonly held = new Set<string>();

  constructor(
    private readonly run: (group: T[]) => Promise<void>,
    private readonly maxGroup: number,
  ) {}

  /** Messages waiting or running. */
  get size(): number {
    return this.waiting.length + this.held.size;
  }

  /** Resolves once every item has been run in a group (and its group has finished). */
  submit(items: readonly T[]): Promise<void> {
    const settled = items.map((item) => new Promise<void>((done) => this.waiting.push({ item, done })));
    this.pump();
    return Promise.all(settled).then(() => undefined);
  }

  private pump(): void {
    for (;;) {
      const group: Array<Waiting<T>> = [];
      const inGroup = new Set<string>();
      const blocked = new Set(this.held);
      const left: Array<Waiting<T>> = [];
      for (const waiting of this.waiting) {
        const { keys } = waiting.item;
        const fits =
          group.length < this.maxGroup && keys.every((key) => !blocked.has(key.id) && (key.oneTransaction || !inGroup.has(key.id)));
        if (fits) {
          group.push(waiting);
          for (const key of keys) inGroup.add(key.id);
        } else {
          left.push(waiting);
          for (const key of keys) blocked.add(key.id); // a later message of the key waits behind this one
        }
      }
      if (group.length === 0) return;
      this.waiting = left;
      for (const key of inGroup) this.held.add(key);
      void this.start(group, inGroup);
    }
  }

  private async start(group: Array<Waiting<T>>, keys: Set<string>): Promise<void> {
    try {
      await this.run(group.map((waiting) => waiting.item));
    } catch {
      // `run` settles its own messages; a failure here must not leave the lanes held.
    } finally {
      for (const key of keys) this.held.delete(key);
      for (const waiting of group) waiting.done();
      this.pump();
    }
  }
}
