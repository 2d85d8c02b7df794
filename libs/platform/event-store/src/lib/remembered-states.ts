/** How many streams a runner remembers with `rememberStates: true`. */
export const DEFAULT_REMEMBERED_STREAMS = 10_000;

/** A stream's state as a command left it, and the version that state is at. */
export interface RememberedState<S> {
  readonly state: S;
  readonly streamVersion: number;
}

/**
 * The states of the streams a CommandRunner last wrote (or read) in committed transactions, so
 * the next command on one can decide without reading it (CommandRunnerOptions.rememberStates).
 * Safe because the append that follows checks the version: if anything else wrote the stream in
 * between, the append is refused and the command reads the stream afresh. An entry is taken out
 * when used and put back only once its transaction has committed, so a failed attempt never
 * leaves behind a state the database does not hold. The oldest entries go beyond `capacity`.
 */
export class RememberedStates<S> {
  private readonly entries = new Map<string, RememberedState<S>>();

  constructor(private readonly capacity: number) {}

  has(streamId: string): boolean {
    return this.entries.has(streamId);
  }

  take(streamId: string): RememberedState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (entry) this.entries.delete(streamId);
    return entry;
  }

  put(streamId: string, entry: RememberedState<S>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
