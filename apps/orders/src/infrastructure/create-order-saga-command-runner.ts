import { CommandRunner, EventStore } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import {
  CreateOrderSagaCommand,
  createOrderSagaDecider,
  CreateOrderSagaEvent,
  CreateOrderSagaState,
} from '../domain/create-order-saga.decider';

/** Stream type of the saga's own events: internal, never published (the mapper skips them). */
export const CREATE_ORDER_SAGA_STREAM_TYPE = 'create-order-saga';

/** Saga name in saga_deadlines; the deadline's sagaId is the orderId. */
export const CREATE_ORDER_SAGA = 'create-order';

/** One saga per order, in a stream of its own beside the order's (whose id is the bare orderId). */
export function createOrderSagaStreamId(orderId: string): string {
  return `create-order-saga-${orderId}`;
}

/**
 * Load -> decide -> append for the CreateOrder saga. Its three verdicts arrive together on three
 * durables: their transactions take turns on the saga's stream instead of colliding.
 */
@Injectable()
export class CreateOrderSagaCommandRunner extends CommandRunner<CreateOrderSagaCommand, CreateOrderSagaEvent, CreateOrderSagaState> {
  constructor(store: EventStore) {
    // Its events are never published: a verdict that decides nothing does not wake the relay.
    // Started by the POST, then three verdicts moments apart (in the order's lane): none reads the stream.
    super(store, createOrderSagaDecider, { streamType: CREATE_ORDER_SAGA_STREAM_TYPE, serializeWriters: true, unpublished: true, rememberStates: true });
  }
}
