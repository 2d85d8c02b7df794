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

/**
 * Splits messages so that no round holds two of one lane key (`sharing`: unless the key's lane
 * allows one transaction); each key's messages keep their order.
 */
export function roundsByLane<T extends Laned>(items: readonly T[], options: { sharing: boolean } = { sharing: false }): T[][] {
  const rounds: T[][] = [];
  const lastRoundOf = new Map<string, number>();
  for (const item of items) {
    const after = item.keys.map((key) => (options.sharing && key.oneTransaction ? (lastRoundOf.get(key.id) ?? 0) - 1 : (lastRoundOf.get(key.id) ?? -1)));
    const round = Math.max(-1, ...after) + 1;
    (rounds[round] ??= []).push(item);
    for (const key of item.keys) lastRoundOf.set(key.id, Math.max(round, lastRoundOf.get(key.id) ?? 0));
  }
  return rounds;
}

/** Messages that run together or not at all (a round of a durable's batch), and their keys. */
interface Unit<T> {
  readonly items: readonly T[];
  readonly keys: ReadonlyMap<string, boolean>;
  readonly done: () => void;
}

/**
 * The lanes of an app's durables, and the transactions their messages run in. A durable submits
 * a batch's laned messages here: they run as a unit (one round of the batch when two of them share
 * a key they may not share a transaction on), once no running group holds one of its keys and no
 * earlier waiting unit has one, holding no database connection meanwhile. Whatever can run then
 * is taken together, in arrival order, up to `maxGroup` messages, whichever durable it came from,
 * and handed to `run` as one group (one transaction for the caller): a saga's verdicts arriving on
 * three durables while an earlier one of the saga runs are settled in one transaction instead of
 * taking three turns. Two units with a common key share a group only when the key's lane allows
 * one transaction. A group holds its keys until `run` has settled it; a batch is never split
 * further than its rounds, so it never costs more transactions than it would alone.
 */
export class LaneScheduler<T extends Laned> {
  private waiting: Array<Unit<T>> = [];
  /** Keys of the groups running. */
  private readonly held = new Set<string>();

  constructor(
    private readonly run: (group: T[]) => Promise<void>,
    private readonly maxGroup: number,
  ) {}

  /** Units waiting, and keys held by running groups. */
  get size(): number {
    return this.waiting.length + this.held.size;
  }

  /** Resolves once every message has been run in a group (and its group has finished). */
  submit(items: readonly T[]): Promise<void> {
    const settled = roundsByLane(items, { sharing: true }).map(
      (round) =>
        new Promise<void>((done) => {
          const keys = new Map<string, boolean>();
          for (const key of round.flatMap((item) => item.keys)) keys.set(key.id, key.oneTransaction);
          this.waiting.push({ items: round, keys, done });
        }),
    );
    this.pump();
    return Promise.all(settled).then(() => undefined);
  }

  private pump(): void {
    for (;;) {
      const group: Array<Unit<T>> = [];
      let size = 0;
      const inGroup = new Set<string>();
      const blocked = new Set(this.held);
      const left: Array<Unit<T>> = [];
      for (const unit of this.waiting) {
        const fits =
          (group.length === 0 || size + unit.items.length <= this.maxGroup) &&
          [...unit.keys].every(([id, oneTransaction]) => !blocked.has(id) && (oneTransaction || !inGroup.has(id)));
        if (fits) {
          group.push(unit);
          size += unit.items.length;
          for (const id of unit.keys.keys()) inGroup.add(id);
        } else {
          left.push(unit);
          for (const id of unit.keys.keys()) blocked.add(id); // a later unit with the key waits behind this one
        }
      }
      if (group.length === 0) return;
      this.waiting = left;
      for (const id of inGroup) this.held.add(id);
      void this.start(group, [...inGroup]);
    }
  }

  private async start(group: Array<Unit<T>>, keys: readonly string[]): Promise<void> {
    try {
      await this.run(group.flatMap((unit) => unit.items));
    } catch {
      // `run` settles its own messages; a failure here must not leave the lanes held.
    } finally {
      for (const key of keys) this.held.delete(key);
      for (const unit of group) unit.done();
      this.pump();
    }
  }
}
