import { EventStore } from '@brigade/event-store';
import { Deadlines } from '@brigade/sagas';
import { Injectable } from '@nestjs/common';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { OrderSaga } from '../order-saga';
import { cancelOrderSaga, CancelOrderSagaEvent, CancelOrderSagaInput, CancelOrderSagaState } from './cancel-order-saga';

export const CANCEL_ORDER_SAGA_STREAM_TYPE = 'cancel-order-saga';

@Injectable()
export class CancelOrderSagaStep extends OrderSaga<CancelOrderSagaInput, CancelOrderSagaEvent, CancelOrderSagaState> {
  constructor(store: EventStore, deadlines: Deadlines, orders: OrderCommandRunner) {
    super(store, deadlines, orders, cancelOrderSaga, { name: 'cancel-order', streamType: CANCEL_ORDER_SAGA_STREAM_TYPE });
  }

  protected deadlineInput(orderId: string, now: string): CancelOrderSagaInput {
    return { type: 'PassDeadline', data: { orderId, now } };
  }
}
