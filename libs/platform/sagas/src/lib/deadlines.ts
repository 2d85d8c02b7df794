import { currentManager } from '@brigade/event-store';
import { DataSource } from 'typeorm';

export interface Deadline {
  readonly saga: string;
  readonly sagaId: string;
  readonly dueAt: Date;
  /** Earlier attempts that failed (0 on the first). */
  readonly attempts: number;
}

/**
 * Sets and clears saga deadlines. Both join the ambient transaction, so a deadline exists
 * exactly when the saga step that set it committed: a crash can neither lose it nor leave one
 * behind for a step that never happened.
 */
export class Deadlines {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets (or moves) the saga's deadline (millisecond precision, as JS Dates have). */
  async schedule(saga: string, sagaId: string, dueAt: Date): Promise<void> {
    await currentManager(this.dataSource).query(
      `INSERT INTO saga_deadlines (saga, saga_id, due_at) VALUES ($1, $2, $3)
       ON CONFLICT (saga, saga_id) DO UPDATE SET due_at = EXCLUDED.due_at, attempts = 0, last_error = NULL`,
      [saga, sagaId, dueAt],
    );
  }

  /** Clears it, e.g. once the saga has decided. Clearing a deadline that is not there is fine. */
  async cancel(saga: string, sagaId: string): Promise<void> {
    await currentManager(this.dataSource).query('DELETE FROM saga_deadlines WHERE saga = $1 AND saga_id = $2', [saga, sagaId]);
  }

  async pending(saga: string): Promise<Deadline[]> {
    const rows: Array<{ saga_id: string; due_at: Date; attempts: number }> = await this.dataSource.query(
      'SELECT saga_id, due_at, attempts FROM saga_deadlines WHERE saga = $1 ORDER BY due_at',
      [saga],
    );
    return rows.map((r) => ({ saga, sagaId: r.saga_id, dueAt: r.due_at, attempts: r.attempts }));
  }
}
