import { Decider, DomainEvent, fold } from '@brigade/domain';
import { ConcurrencyError } from './errors';
import { DEFAULT_REMEMBERED_STREAMS, RememberedState, RememberedStates } from './remembered-states';
import { afterCommit, appendsAtCommit, inTransaction, transactionMemo } from './unit-of-work';
import { EventStore, StreamRead } from './event-store';
import { EventMetadata } from './types';

export interface CommandRunnerOptions {
  /** Aggregate type stored with every event (e.g. 'restaurant'). */
  readonly streamType: string;
  /** Attempts before a ConcurrencyError is given up to the caller (default 25). */
  readonly maxAttempts?: number;
  /** Take a snapshot every `every` events; bump `schemaVersion` whenever the state's shape changes. */
  readonly snapshot?: { readonly every: number; readonly schemaVersion: number };
  /**
   * For a stream that several transactions write at the same moment (a saga receiving parallel
   * verdicts): inside an ambient transaction, lock the stream before loading it, so its writers
   * take turns instead of colliding, reloading and retrying. The lock must be the transaction's
   * first write-ordering step: one that already holds an xid (wrote something) could still be
   * refused for transaction order after waiting.
   */
  readonly serializeWriters?: boolean;
  /**
   * The streams' events are internal, never published (the relay's mapper skips them, e.g. a
   * saga's own): their commit does not wake the relay, which reads past them at its next wake-up.
   */
  readonly unpublished?: boolean;
  /**
   * Remember the state each committed command left a stream in (up to `capacity` streams, the
   * oldest forgotten first), so that the next command on it decides without reading it: the
   * version check of its append proves the state was current (see RememberedStates). Only a
   * decision that appends is taken on a remembered state; one that appends nothing or refuses
   * the command is taken again on the stored stream. For the aggregates a process writes in
   * quick succession (an order and its saga, a consumer's account). A serialised writer that
   * decides on a remembered state takes no lock: its append is checked all the same, and an
   * app's own writers of one stream take turns anyway (message lanes). `true`: up to 10,000.
   */
  readonly rememberStates?: true | { readonly capacity: number };
}

export interface RunOptions {
  /**
   * The caller expects the stream not to exist yet (the command creates an aggregate under a
   * fresh id): decide against the initial state and append at version 0 without reading the
   * stream first. Whenever that guess is wrong (the stream exists, or the initial state refuses
   * the command), the command runs as usual: the answer is always the one run() would give.
   * Where the owner retries the transaction whole (TransactionOptions.appendsAtCommit) the
   * append goes with the COMMIT: a wrong guess then fails the COMMIT with a ConcurrencyError, and
   * the store remembers the stream exists, so the transaction's next run reads it instead of
   * guessing. Elsewhere the append is sent at once, its answer deciding what happens next.
   */
  readonly newStream?: boolean;
  /**
   * Stronger than newStream: the id was generated for this command (a random UUID), so the
   * stream cannot exist and the guess cannot be wrong. The append then needs no answer, and may
   * go with the COMMIT wherever the transaction allows it (TransactionOptions.appendsAtCommit).
   */
  readonly freshId?: boolean;
}

export interface CommandOutcome<E, S> {
  readonly events: E[];
  readonly state: S;
  readonly streamVersion: number;
}

/**
 * Load -> decide -> append with the expected version; on a concurrent change, load again
 * and decide again, a bounded number of times. Deciders stay pure: time and ids come in
 * with the command.
 */
export class CommandRunner<C, E extends DomainEvent, S> {
  private readonly maxAttempts: number;
  private readonly remembered: RememberedStates<S> | null;
  /** Key of this runner's states in each transaction (see written). */
  private readonly writtenInTransaction = Symbol('CommandRunner.written');

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<C, E, S>,
    private readonly options: CommandRunnerOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 25;
    const remember = options.rememberStates;
    this.remembered = remember ? new RememberedStates<S>(remember === true ? DEFAULT_REMEMBERED_STREAMS : remember.capacity) : null;
  }

  /** The stream will be read in the transaction's next pipelined command read (EventStore.readAhead), unless remembered. */
  readAhead(streamId: string): void {
    if (this.remembered?.has(streamId)) return;
    this.store.readAhead(streamId, this.options.snapshot?.schemaVersion ?? null);
  }

  async load(streamId: string): Promise<{ state: S; streamVersion: number }> {
    return this.loadFor(streamId, { lock: false });
  }

  /**
   * The stream's state for a decision the transaction takes on it without (necessarily) writing
   * it: a consumer's standing for a verdict, an account's credit for a payment. Where the owner
   * retries the transaction whole (appendsAtCommit), a state this process remembers is used
   * without a read, and proven current at COMMIT (EventStore.expectVersionAtCommit: a stream moved
   * by another transaction fails it, and its next run reads). Otherwise it is read, and remembered
   * once the transaction commits. Either way later commands of the transaction on the stream
   * decide on that state, their appends checked as always.
   */
  async loadForDecision(streamId: string): Promise<{ state: S; streamVersion: number }> {
    const states = this.written();
    const known = states?.get(streamId);
    if (known) return known;
    const remembered = states && appendsAtCommit(this.store.dataSource) ? this.remembered?.take(streamId) : undefined;
    if (remembered) this.store.expectVersionAtCommit(streamId, remembered.streamVersion);
    const entry = remembered ?? (await this.load(streamId));
    states?.set(streamId, entry);
    this.rememberOnCommit(streamId, entry);
    return entry;
  }

  /** The stream's state, its lock taken first when `lock` (in the read's round trip when the store can). */
  private async loadFor(streamId: string, options: { lock: boolean }): Promise<{ state: S; streamVersion: number }> {
    return this.stateOf(await this.store.readForCommand<S>(streamId, this.options.snapshot?.schemaVersion ?? null, options));
  }

  private stateOf({ snapshot, events }: StreamRead<S>): { state: S; streamVersion: number } {
    const state = fold(this.decider, snapshot ? snapshot.state : this.decider.initialState(), events as unknown as E[]);
    return { state, streamVersion: events.at(-1)?.streamVersion ?? snapshot?.streamVersion ?? 0 };
  }

  async run(streamId: string, command: C, metadata: EventMetadata, options: RunOptions = {}): Promise<CommandOutcome<E, S>> {
    if (options.freshId || (options.newStream && !this.store.refusedAsNew(streamId))) {
      const created = await this.tryCreate(streamId, command, metadata, options.freshId === true);
      if (created) return created;
    }
    for (let attempt = 1; ; attempt++) {
      const { state, streamVersion, events } = await this.decideOn(streamId, command, attempt);
      if (events.length === 0) return { events, state, streamVersion };
      try {
        const result = await this.store.append(streamId, this.options.streamType, events, streamVersion, metadata, { wakeRelay: !this.options.unpublished });
        const next = fold(this.decider, state, events);
        await this.maybeSnapshot(streamId, streamVersion, result.streamVersion, next);
        // A repeat of events already stored (their own ids) appended nothing: `next` is not the stream's state.
        if (result.appended) this.remember(streamId, { state: next, streamVersion: result.streamVersion });
        return { events, state: next, streamVersion: result.streamVersion };
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= this.maxAttempts || !this.retryable(error)) throw error;
        await jitter(attempt);
      }
    }
  }

  /**
   * The decision on the stream's state: a remembered one when it appends something (its append
   * will prove the state current), otherwise the stored one, read (and locked when serialised)
   * as usual. A refusal or a no-op on a remembered state may come from a state that is no longer
   * current, so it is decided again on the stored stream, which is then remembered once the
   * transaction commits.
   */
  private async decideOn(streamId: string, command: C, attempt: number): Promise<RememberedState<S> & { events: E[] }> {
    const written = attempt === 1 ? this.written()?.get(streamId) : undefined;
    if (written) return { ...written, events: this.decider.decide(command, written.state) };
    const remembered = attempt === 1 ? this.remembered?.take(streamId) : undefined;
    if (remembered) {
      const events = decideQuietly(this.decider, command, remembered.state);
      if (events && events.length > 0) return { ...remembered, events };
    }
    const stored = await this.loadFor(streamId, { lock: attempt === 1 && this.options.serializeWriters === true });
    const events = this.decider.decide(command, stored.state);
    if (events.length === 0) this.rememberOnCommit(streamId, stored);
    return { ...stored, events };
  }

  /**
   * The states this runner's appends (or loadForDecision) left streams in, in the ambient
   * transaction (null outside one). A later command of the same transaction on one of those streams decides on that state,
   * whatever it answers: it is the stream as this transaction will commit it, its own appends
   * still unsent perhaps (appendsAtCommit), and if anyone else wrote the stream meanwhile, the
   * transaction's appends are refused and its owner runs it again. So messages of one saga can
   * share a transaction (lanes that allow it) without reading the stream between them.
   */
  private written(): Map<string, RememberedState<S>> | null {
    return transactionMemo(this.store.dataSource, this.writtenInTransaction, () => new Map<string, RememberedState<S>>());
  }

  /** After an append: the state for the rest of the transaction, and for later ones once it commits. */
  private remember(streamId: string, entry: RememberedState<S>): void {
    this.written()?.set(streamId, entry);
    this.rememberOnCommit(streamId, entry);
  }

  private rememberOnCommit(streamId: string, entry: RememberedState<S>): void {
    const remembered = this.remembered;
    if (remembered) afterCommit(this.store.dataSource, () => remembered.put(streamId, entry));
  }

  /** The newStream guess: null when it was wrong, and nothing was written. */
  private async tryCreate(streamId: string, command: C, metadata: EventMetadata, freshId: boolean): Promise<CommandOutcome<E, S> | null> {
    const state = this.decider.initialState();
    let events: E[];
    try {
      events = this.decider.decide(command, state);
    } catch {
      return null; // the real state may answer differently: let run() decide
    }
    if (events.length === 0) return null;
    try {
      // A wrong guess sent with the COMMIT fails the transaction, whose owner runs it again.
      const answerNow = !freshId && !appendsAtCommit(this.store.dataSource);
      const result = await this.store.append(streamId, this.options.streamType, events, 0, metadata, { answerNow, wakeRelay: !this.options.unpublished });
      if (!result.appended) return null;
      const next = fold(this.decider, state, events);
      await this.maybeSnapshot(streamId, 0, result.streamVersion, next);
      this.remember(streamId, { state: next, streamVersion: result.streamVersion });
      return { events, state: next, streamVersion: result.streamVersion };
    } catch (error) {
      if (error instanceof ConcurrencyError) return null;
      throw error;
    }
  }

  /** A transaction-order refusal repeats for as long as the ambient transaction lives: its owner must retry it whole. */
  private retryable(error: ConcurrencyError): boolean {
    return error.reason === 'version' || !inTransaction(this.store.dataSource);
  }

  private async maybeSnapshot(streamId: string, before: number, after: number, state: S): Promise<void> {
    const policy = this.options.snapshot;
    if (!policy || Math.floor(before / policy.every) === Math.floor(after / policy.every)) return;
    await this.store.saveSnapshot({ streamId, streamVersion: after, schemaVersion: policy.schemaVersion, state });
  }
}

/** The decider's events, or null when it refuses the command (the caller decides again on stored state). */
function decideQuietly<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, command: C, state: S): E[] | null {
  try {
    return decider.decide(command, state);
  } catch {
    return null;
  }
}

/** Exponential backoff with full jitter, capped at 100 ms: contenders spread out quickly. */
function jitter(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(100, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
