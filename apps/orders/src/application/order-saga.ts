import { DomainEvent, Saga } from '@brigade/domain';
import { CommandRunnerOptions, EventMetadata, EventStore, RunOptions } from '@brigade/event-store';
import { Deadlines, SagaRunner } from '@brigade/sagas';
import type { OrderCommand } from '../domain/order.commands';
import { OrderCommandRunner } from '../infrastructure/order-command-runner';

/** Every saga input names its order: a saga instance runs under the orderId. */
export type OrderSagaInput = { type: string; data: { orderId: string } };

/** What the deadline runner needs of a saga. */
export interface SagaWithDeadline {
  readonly name: string;
  streamId(orderId: string): string;
  passDeadline(orderId: string, now: string, metadata: EventMetadata): Promise<void>;
}

export interface OrderSagaOptions {
  /** Name in saga_deadlines, and the prefix of the saga's streams (`<name>-saga-<orderId>`). */
  readonly name: string;
  /** Stream type of the saga's own events: internal, never published (the mapper skips them). */
  readonly streamType: string;
}

/**
 * An order's saga step, inside the caller's transaction (the inbox's, the HTTP command's or the
 * deadline runner's): the saga decides, its deadline is set or cleared, and the Order carries out
 * the commands it sent, all committing together. Repeating a step decides nothing, so
 * redeliveries and re-fired deadlines are harmless.
 */
export abstract class OrderSaga<Input extends OrderSagaInput, Event extends DomainEvent, State> implements SagaWithDeadline {
  private readonly runner: SagaRunner<Input, Event, State, OrderCommand>;

  protected constructor(
    store: EventStore,
    deadlines: Deadlines,
    private readonly orders: OrderCommandRunner,
    saga: Saga<Input, Event, State, OrderCommand>,
    { name, streamType }: OrderSagaOptions,
    runnerOptions: Omit<CommandRunnerOptions, 'streamType' | 'unpublished'> = {},
  ) {
    // Its events are never published: a step that decides nothing does not wake the relay.
    const options = { ...runnerOptions, name, streamType, unpublished: true, streamId: (orderId: string) => `${name}-saga-${orderId}` };
    this.runner = new SagaRunner(store, saga, deadlines, options);
  }

  get name(): string {
    return this.runner.name;
  }

  streamId(orderId: string): string {
    return this.runner.streamId(orderId);
  }

  /** The input a firing deadline gives the saga. */
  protected abstract deadlineInput(orderId: string, now: string): Input;

  passDeadline(orderId: string, now: string, metadata: EventMetadata): Promise<void> {
    return this.run(this.deadlineInput(orderId, now), metadata);
  }

  /** Starts an instance: nothing is sent yet, so the order is not read. */
  async start(input: Input, metadata: EventMetadata, options: RunOptions = {}): Promise<void> {
    await this.runner.run(input.data.orderId, input, metadata, options);
  }

  async run(input: Input, metadata: EventMetadata): Promise<void> {
    const { orderId } = input.data;
    // The order is read in the round trip of the saga's own read: a deciding step needs it, the others drop it.
    this.orders.readAhead(orderId);
    const { send } = await this.runner.run(orderId, input, metadata);
    for (const command of send) await this.orders.run(orderId, command, metadata);
  }
}
