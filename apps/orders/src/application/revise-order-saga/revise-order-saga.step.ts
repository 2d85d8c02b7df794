import { EventStore } from '@brigade/event-store';
import { Deadlines } from '@brigade/sagas';
import { Injectable } from '@nestjs/common';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { OrderSaga } from '../order-saga';
import { reviseOrderSaga, ReviseOrderSagaEvent, ReviseOrderSagaInput, ReviseOrderSagaState } from './revise-order-saga';

export const REVISE_ORDER_SAGA_STREAM_TYPE = 'revise-order-saga';

@Injectable()
export class ReviseOrderSagaStep extends OrderSaga<ReviseOrderSagaInput, ReviseOrderSagaEvent, ReviseOrderSagaState> {
  constructor(store: EventStore, deadlines: Deadlines, orders: OrderCommandRunner) {
    // Two verdicts (kitchen, accounting) arrive together on two durables, in the order's lane.
    super(store, deadlines, orders, reviseOrderSaga, { name: 'revise-order', streamType: REVISE_ORDER_SAGA_STREAM_TYPE }, { serializeWriters: true });
  }

  protected deadlineInput(orderId: string, now: string): ReviseOrderSagaInput {
    return { type: 'PassDeadline', data: { orderId, now } };
  }
}
