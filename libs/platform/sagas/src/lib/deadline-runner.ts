import { runInTransaction } from '@brigade/event-store';
import { DataSource } from 'typeorm';
import { Deadline, onDeadlineScheduled } from './deadlines';

export interface DeadlineRunnerOptions {
  readonly saga: string;
  /** Runs inside the transaction that removes the deadline: its effects and the removal commit together. */
  readonly handle: (deadline: Deadline) => Promise<void>;
  /**
   * The longest the runner sleeps without looking (default 10 s). It wakes at the next due time
   * it knows of (read after each round, or heard from a deadline set in this process when its
   * transaction commits); this check only finds deadlines another process set.
   */
  readonly idleCheckMs?: number;
  /** A failed deadline is tried again after this, doubled per attempt, at most 60 s. Default 1000 ms. */
  readonly retryMs?: number;
  readonly logger?: { warn(message: object): void; error(message: object): void };
}

/** Nothing due yet by the database's clock although ours said so: look again this much later, not at once. */
const CLOCK_SLACK_MS = 20;

/**
 * Fires due deadlines of one saga type. Each deadline is claimed with FOR UPDATE SKIP LOCKED in
 * its own transaction, handled and deleted in that transaction: it fires once even with several
 * runners, and a crash mid-way leaves it in place to fire again (handlers must be idempotent,
 * as every saga step is). A handler that fails is retried later with backoff, never dropped.
 *
 * It does not poll: after each round it reads when the next deadline is due and sleeps until
 * then (at most `idleCheckMs`), and a deadline set in this process wakes it earlier once its
 * transaction committed. An idle platform costs no query per second here.
 */
export class DeadlineRunner {
  private timer: NodeJS.Timeout | null = null;
  /** When the timer goes off (ms since the epoch). */
  private wakeAt = Number.POSITIVE_INFINITY;
  /** The earliest due time heard of while a round ran (it may have read the next due time before that deadline committed). */
  private heardDuringRound = Number.POSITIVE_INFINITY;
  private running: Promise<void> | null = null;
  private started = false;
  private stopping = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: DeadlineRunnerOptions,
  ) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.unsubscribe = onDeadlineScheduled(this.dataSource, (saga, dueAt) => {
      if (saga === this.options.saga) this.wakeBy(dueAt.getTime());
    });
    this.schedule(0);
  }

  /** Lets the deadline in hand finish, then stops. */
  async stop(): Promise<void> {
    this.started = false;
    this.stopping = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
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

  /** A deadline due at `dueAt` was set: wake then, unless a round is planned earlier (one running plans again after it). */
  private wakeBy(dueAt: number): void {
    if (this.running) this.heardDuringRound = Math.min(this.heardDuringRound, dueAt);
    else if (dueAt < this.wakeAt) this.schedule(Math.max(0, dueAt - Date.now()));
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.wakeAt = Date.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wakeAt = Number.POSITIVE_INFINITY;
      this.running = this.round()
        .catch((error: unknown) => {
          this.options.logger?.error({ msg: 'deadline runner round failed', saga: this.options.saga, error: String(error) });
          return this.options.retryMs ?? 1_000;
        })
        .then((nextInMs) => {
          const heardInMs = this.heardDuringRound - Date.now();
          this.heardDuringRound = Number.POSITIVE_INFINITY;
          this.running = null;
          this.schedule(Math.min(nextInMs, Math.max(0, heardInMs)));
        });
    }, delayMs);
    this.timer.unref();
  }

  /** Fires what is due, then answers how long to sleep: until the next due deadline, at most idleCheckMs. */
  private async round(): Promise<number> {
    await this.fireDue();
    const idleCheckMs = this.options.idleCheckMs ?? 10_000;
    const [{ in_ms }]: Array<{ in_ms: number | null }> = await this.dataSource.query(
      'SELECT (extract(epoch FROM min(due_at) - now()) * 1000)::float8 AS in_ms FROM saga_deadlines WHERE saga = $1',
      [this.options.saga],
    );
    if (in_ms === null) return idleCheckMs;
    return Math.min(idleCheckMs, Math.max(CLOCK_SLACK_MS, Math.ceil(in_ms)));
  }

  private async fireOne(): Promise<'fired' | 'failed' | 'none'> {
    let claimed: Deadline | null = null;
    try {
      return await runInTransaction(this.dataSource, async (manager) => {
        const [row]: Array<{ saga_id: string; due_at: Date; attempts: number; row_version: string }> = await manager.query(
          `SELECT saga_id, due_at, attempts, xmin::text AS row_version FROM saga_deadlines WHERE saga = $1 AND due_at <= now()
           ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [this.options.saga],
        );
        if (!row) return 'none';
        claimed = { saga: this.options.saga, sagaId: row.saga_id, dueAt: row.due_at, attempts: row.attempts };
        await this.options.handle(claimed);
        // Unless the handler moved it (a new row version: it stays, due again later).
        await manager.query('DELETE FROM saga_deadlines WHERE saga = $1 AND saga_id = $2 AND xmin = $3::xid', [this.options.saga, row.saga_id, row.row_version]);
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
    await this.dataSource.query(
      'UPDATE saga_deadlines SET attempts = attempts + 1, last_error = $3, due_at = $4 WHERE saga = $1 AND saga_id = $2',
      [deadline.saga, deadline.sagaId, String(error), new Date(Date.now() + delayMs)],
    );
  }
}
