import { runInTransaction } from '@brigade/event-store';
import { DataSource } from 'typeorm';
import { Deadline } from './deadlines';

export interface DeadlineRunnerOptions {
  readonly saga: string;
  /** Runs inside the transaction that removes the deadline: its effects and the removal commit together. */
  readonly handle: (deadline: Deadline) => Promise<void>;
  /** How often to look for due deadlines. Default 200 ms. */
  readonly pollMs?: number;
  /** A failed deadline is tried again after this, doubled per attempt, at most 60 s. Default 1000 ms. */
  readonly retryMs?: number;
  readonly logger?: { warn(message: object): void; error(message: object): void };
}

/**
 * Fires due deadlines of one saga type. Each deadline is claimed with FOR UPDATE SKIP LOCKED in
 * its own transaction, handled and deleted in that transaction: it fires once even with several
 * runners, and a crash mid-way leaves it in place to fire again (handlers must be idempotent,
 * as every saga step is). A handler that fails is retried later with backoff, never dropped.
 */
export class DeadlineRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private started = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: DeadlineRunnerOptions,
  ) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.schedule(0);
  }

  /** Lets the deadline in hand finish, then stops. */
  async stop(): Promise<void> {
    this.started = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Fires every deadline due now; returns how many fired. Also what the timer runs. */
  async fireDue(): Promise<number> {
    let fired = 0;
    while (!this.stopping) {
      const outcome = await this.fireOne();
      if (outcome === 'none') break;
      if (outcome === 'fired') fired++;
    }
    return fired;
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.running = this.fireDue()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger?.error({ msg: 'deadline runner round failed', saga: this.options.saga, error: String(error) }))
        .finally(() => {
          this.running = null;
          this.schedule(this.options.pollMs ?? 200);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async fireOne(): Promise<'fired' | 'failed' | 'none'> {
    let claimed: Deadline | null = null;
    try {
      return await runInTransaction(this.dataSource, async (manager) => {
        const [row]: Array<{ saga_id: string; due_at: Date; attempts: number }> = await manager.query(
          `SELECT saga_id, due_at, attempts FROM saga_deadlines WHERE saga = $1 AND due_at <= now()
           ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [this.options.saga],
        );
        if (!row) return 'none';
        claimed = { saga: this.options.saga, sagaId: row.saga_id, dueAt: row.due_at, attempts: row.attempts };
        await this.options.handle(claimed);
        // Unless the handler moved it (then it stays, due again later).
        await manager.query('DELETE FROM saga_deadlines WHERE saga = $1 AND saga_id = $2 AND due_at = $3', [
          this.options.saga,
          row.saga_id,
          row.due_at,
        ]);
        return 'fired';
      });
    } catch (error) {
      if (!claimed) throw error;
      await this.postpone(claimed, error);
      return 'failed';
    }
  }

  private async postpone(deadline: Deadline, error: unknown): Promise<void> {
    const delayMs = Math.min(60_000, (this.options.retryMs ?? 1_000) * 2 ** deadline.attempts);
    this.options.logger?.warn({ msg: 'saga deadline handler failed; will retry', saga: deadline.saga, sagaId: deadline.sagaId, attempt: deadline.attempts + 1, retryInMs: delayMs, error: String(error) });
    // due_at is always written from a JS Date (millisecond precision), so it reads back equal.
    await this.dataSource.query(
      'UPDATE saga_deadlines SET attempts = attempts + 1, last_error = $3, due_at = $4 WHERE saga = $1 AND saga_id = $2',
      [deadline.saga, deadline.sagaId, String(error), new Date(Date.now() + delayMs)],
    );
  }
}
