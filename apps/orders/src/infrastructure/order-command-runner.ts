import { CommandRunner, EventStore } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { OrderCommand, orderDecider, OrderEvent, OrderState } from '../domain/order.decider';

/** Stream type stored with every order event; an order's stream id is its orderId. */
export const ORDER_STREAM_TYPE = 'order';

/** Load -> decide -> append for the Order aggregate, retried on concurrent changes. */
@Injectable()
export class OrderCommandRunner extends CommandRunner<OrderCommand, OrderEvent, OrderState> {
  constructor(store: EventStore) {
    // An order is written by its POST and then by its saga's decision, moments apart.
    super(store, orderDecider, { streamType: ORDER_STREAM_TYPE, rememberStates: true });
  }
}
