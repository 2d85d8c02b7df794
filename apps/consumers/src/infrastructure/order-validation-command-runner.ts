import { CommandRunner, EventStore } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { OrderValidationCommand } from '../domain/order-validation.commands';
import { orderValidationDecider } from '../domain/order-validation.decider';
import type { OrderValidationEvent } from '../domain/order-validation.events';
import type { OrderValidationState } from '../domain/order-validation.state';

/** Stream type stored with every verdict. */
export const ORDER_VALIDATION_STREAM_TYPE = 'order-validation';

/** One validation per order, in a stream of its own: its id (and so the verdict's Brigade-Aggregate-Id) is `order-validation-<orderId>`. */
export function orderValidationStreamId(orderId: string): string {
  return `order-validation-${orderId}`;
}

/** Load -> decide -> append for an order's validation: a stream of one event, never snapshotted. */
@Injectable()
export class OrderValidationCommandRunner extends CommandRunner<OrderValidationCommand, OrderValidationEvent, OrderValidationState> {
  constructor(store: EventStore) {
    super(store, orderValidationDecider, { streamType: ORDER_VALIDATION_STREAM_TYPE });
  }
}
