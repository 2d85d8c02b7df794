import { ConcurrencyError, inTransaction, runInTransaction } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Whole runs of a unit of work before a concurrent change is given up to the caller (409 EVENT_STORE.CONCURRENCY). */
const MAX_ATTEMPTS = 10;

/**
 * The transaction a use case runs in when it may touch a courier and a delivery together. Inside
 * a message consumer it joins the consumer's transaction, whose owner runs it all again on a
 * concurrent change. Over HTTP it is its own owner: the whole unit of work is run again, so a
 * courier taken by another delivery meanwhile is decided on afresh (another one, or the line).
 */
@Injectable()
export class DeliveryTransaction {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (inTransaction(this.dataSource)) return work();
    for (let attempt = 1; ; attempt++) {
      try {
        return await runInTransaction(this.dataSource, work, { appendsAtCommit: true });
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** attempt));
      }
    }
  }
}
