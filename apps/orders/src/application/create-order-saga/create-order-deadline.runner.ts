import { Actor, EventMetadata, EventStore } from '@brigade/event-store';
import { Deadline, DeadlineRunner } from '@brigade/sagas';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CREATE_ORDER_SAGA, createOrderSagaStreamId } from '../../infrastructure/create-order-saga-command-runner';
import { CreateOrderSagaStep } from './create-order-saga-step';

const SYSTEM: Actor = { id: 'system', role: 'system' };

/**
 * Fires CreateOrder deadlines that are due (also those set before a restart): PassDeadline runs
 * in the transaction that removes the deadline, so the rejection and the removal commit together.
 */
@Injectable()
export class CreateOrderDeadlineRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: DeadlineRunner;

  constructor(
    dataSource: DataSource,
    private readonly store: EventStore,
    private readonly saga: CreateOrderSagaStep,
  ) {
    this.runner = new DeadlineRunner(dataSource, {
      saga: CREATE_ORDER_SAGA,
      logger: new Logger(CreateOrderDeadlineRunner.name),
      handle: (deadline) => this.passDeadline(deadline),
    });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }

  /**
   * The runner fires only due deadlines, so `now` is never before the due time (which the decider
   * checks): a clock that lags the database's by a millisecond must not turn the firing into a no-op.
   */
  private async passDeadline({ sagaId: orderId, dueAt }: Deadline): Promise<void> {
    const now = new Date(Math.max(Date.now(), dueAt.getTime())).toISOString();
    await this.saga.run({ type: 'PassDeadline', data: { orderId, now } }, await this.metadataFor(orderId, now));
  }

  /** Caused by the saga's start, in the order's correlation: the rejection stays traceable to the request. */
  private async metadataFor(orderId: string, now: string): Promise<EventMetadata> {
    const [started] = await this.store.readStream(createOrderSagaStreamId(orderId));
    return {
      correlationId: started?.metadata.correlationId ?? orderId,
      causationId: started?.eventId ?? null,
      actor: SYSTEM,
      occurredAt: now,
    };
  }
}
