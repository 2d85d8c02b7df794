import { EventStore } from '@brigade/event-store';
import { Deadlines } from '@brigade/sagas';
import { Injectable } from '@nestjs/common';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { OrderSaga } from '../order-saga';
import { createOrderSaga, CreateOrderSagaEvent, CreateOrderSagaInput, CreateOrderSagaState } from './create-order-saga';

export const CREATE_ORDER_SAGA_STREAM_TYPE = 'create-order-saga';

@Injectable()
export class CreateOrderSagaStep extends OrderSaga<CreateOrderSagaInput, CreateOrderSagaEvent, CreateOrderSagaState> {
  constructor(store: EventStore, deadlines: Deadlines, orders: OrderCommandRunner) {
    // Started by the POST, then three verdicts moments apart (in the order's lane): take turns on
    // the saga's stream, and decide on the state the last step left instead of reading it.
    super(store, deadlines, orders, createOrderSaga, { name: 'create-order', streamType: CREATE_ORDER_SAGA_STREAM_TYPE }, { serializeWriters: true, rememberStates: true });
  }

  protected deadlineInput(orderId: string, now: string): CreateOrderSagaInput {
    return { type: 'PassDeadline', data: { orderId, now } };
  }
}
