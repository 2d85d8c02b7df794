import type { EventMetadata } from '@brigade/event-store';
import { Deadlines } from '@brigade/sagas';
import { Injectable } from '@nestjs/common';
import { CreateOrderSagaCommand, reactToCreateOrderSaga } from '../../domain/create-order-saga.decider';
import {
  CREATE_ORDER_SAGA,
  CreateOrderSagaCommandRunner,
  createOrderSagaStreamId,
} from '../../infrastructure/create-order-saga-command-runner';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';

/**
 * One step of the CreateOrder saga (a verdict, or its deadline passing), run inside the caller's
 * transaction (the inbox's, or the deadline runner's): the saga decides, the Order follows its
 * decision, and a decided saga's deadline is cleared, all committing together. Repeating a step
 * decides nothing, so redeliveries and re-fired deadlines are harmless.
 */
@Injectable()
export class CreateOrderSagaStep {
  constructor(
    private readonly sagas: CreateOrderSagaCommandRunner,
    private readonly orders: OrderCommandRunner,
    private readonly deadlines: Deadlines,
  ) {}

  async run(command: CreateOrderSagaCommand, metadata: EventMetadata): Promise<void> {
    const { orderId } = command.data;
    // The order is read in the round trip of the saga's lock and read: the deciding verdict needs it, the others drop it.
    this.orders.readAhead(orderId);
    const { events } = await this.sagas.run(createOrderSagaStreamId(orderId), command, metadata);
    for (const event of events) {
      for (const orderCommand of reactToCreateOrderSaga(event)) await this.orders.run(orderId, orderCommand, metadata);
      if (event.type === 'CreateOrderApproved' || event.type === 'CreateOrderRejected') {
        await this.deadlines.cancel(CREATE_ORDER_SAGA, orderId);
      }
    }
  }
}
