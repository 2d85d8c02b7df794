import { Actor, EventMetadata, EventStore } from '@brigade/event-store';
import { Deadline, DeadlineRunner } from '@brigade/sagas';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CancelOrderSagaStep } from './cancel-order-saga/cancel-order-saga.step';
import { CreateOrderSagaStep } from './create-order-saga/create-order-saga.step';
import { SagaWithDeadline } from './order-saga';
import { ReviseOrderSagaStep } from './revise-order-saga/revise-order-saga.step';

const SYSTEM: Actor = { id: 'system', role: 'system' };

/**
 * Fires the order sagas' deadlines that are due (also those set before a restart): the saga's
 * PassDeadline step runs in the transaction that removes the deadline, so its decision and the
 * removal commit together. One DeadlineRunner per saga.
 */
@Injectable()
export class SagaDeadlinesRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runners: DeadlineRunner[];

  constructor(dataSource: DataSource, private readonly store: EventStore, create: CreateOrderSagaStep, cancel: CancelOrderSagaStep, revise: ReviseOrderSagaStep) {
    const logger = new Logger(SagaDeadlinesRunner.name);
    const sagas: SagaWithDeadline[] = [create, cancel, revise];
    this.runners = sagas.map((saga) => new DeadlineRunner(dataSource, { saga: saga.name, logger, handle: (deadline) => this.pass(saga, deadline) }));
  }

  onApplicationBootstrap(): void {
    for (const runner of this.runners) runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /**
   * The runner fires only due deadlines, so `now` is never before the due time (which the saga
   * checks): a clock that lags the database's by a millisecond must not turn the firing into a no-op.
   */
  private async pass(saga: SagaWithDeadline, { sagaId: orderId, dueAt }: Deadline): Promise<void> {
    const now = new Date(Math.max(Date.now(), dueAt.getTime())).toISOString();
    await saga.passDeadline(orderId, now, await this.metadataFor(saga.streamId(orderId), orderId, now));
  }

  /** Caused by the saga's last start, in the order's correlation: the decision stays traceable to the request. */
  private async metadataFor(streamId: string, orderId: string, now: string): Promise<EventMetadata> {
    const started = (await this.store.readStream(streamId)).filter((e) => e.type.endsWith('SagaStarted')).at(-1);
    return {
      correlationId: started?.metadata.correlationId ?? orderId,
      causationId: started?.eventId ?? null,
      actor: SYSTEM,
      occurredAt: now,
    };
  }
}
