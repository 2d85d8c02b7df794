import { afterCommit, commitWith, currentManager, inTransaction, safeLiteral } from '@brigade/event-store';
import { DataSource } from 'typeorm';

export interface Deadline {
  readonly saga: string;
  readonly sagaId: string;
  readonly dueAt: Date;
  /** Earlier attempts that failed (0 on the first). */
  readonly attempts: number;
}

type DeadlineListener = (saga: string, dueAt: Date) => void;
const listeners = new WeakMap<DataSource, Set<DeadlineListener>>();

/**
 * Calls `listener` in this process once a deadline set through `dataSource` has committed (the
 * DeadlineRunner of its saga then wakes at its due time instead of polling). Returns the
 * function that unsubscribes.
 */
export function onDeadlineScheduled(dataSource: DataSource, listener: DeadlineListener): () => void {
  let set = listeners.get(dataSource);
  if (!set) listeners.set(dataSource, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Sets and clears saga deadlines. Both join the ambient transaction, so a deadline exists
 * exactly when the saga step that set it committed: a crash can neither lose it nor leave one
 * behind for a step that never happened. Inside a transaction both are sent with its COMMIT
 * (commitWith: no round trip of their own), as nothing in a saga step reads them back.
 */
export class Deadlines {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets (or moves) the saga's deadline (millisecond precision, as JS Dates have). */
  async schedule(saga: string, sagaId: string, dueAt: Date): Promise<void> {
    const upsert = (values: string) => `INSERT INTO saga_deadlines (saga, saga_id, due_at) VALUES (${values})
       ON CONFLICT (saga, saga_id) DO UPDATE SET due_at = EXCLUDED.due_at, attempts = 0, last_error = NULL`;
    const literals = this.literals(saga, sagaId, dueAt.toISOString());
    if (literals) commitWith(this.dataSource, upsert(`${literals[0]}, ${literals[1]}, ${literals[2]}::timestamptz`));
    else await currentManager(this.dataSource).query(upsert('$1, $2, $3'), [saga, sagaId, dueAt]);
    afterCommit(this.dataSource, () => {
      for (const listener of listeners.get(this.dataSource) ?? []) listener(saga, dueAt);
    });
  }

  /** Clears it, e.g. once the saga has decided. Clearing a deadline that is not there is fine. */
  async cancel(saga: string, sagaId: string): Promise<void> {
    const remove = (sagaSql: string, idSql: string) => `DELETE FROM saga_deadlines WHERE saga = ${sagaSql} AND saga_id = ${idSql}`;
    const literals = this.literals(saga, sagaId);
    if (literals) return commitWith(this.dataSource, remove(literals[0], literals[1]));
    await currentManager(this.dataSource).query(remove('$1', '$2'), [saga, sagaId]);
  }

  /** The values as SQL literals when there is a transaction to send them with and all are safe to inline. */
  private literals(...values: string[]): string[] | null {
    if (!inTransaction(this.dataSource)) return null;
    const literals = values.map(safeLiteral);
    return literals.every((literal): literal is string => literal !== null) ? literals : null;
  }

  async pending(saga: string): Promise<Deadline[]> {
    const rows: Array<{ saga_id: string; due_at: Date; attempts: number }> = await this.dataSource.query(
      'SELECT saga_id, due_at, attempts FROM saga_deadlines WHERE saga = $1 ORDER BY due_at',
      [saga],
    );
    return rows.map((r) => ({ saga, sagaId: r.saga_id, dueAt: r.due_at, attempts: r.attempts }));
  }
}
