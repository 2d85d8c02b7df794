import { assertMayActOn } from '@brigade/auth';
import { runInTransaction } from '@brigade/event-store';
import { SERVICE_CONFIG } from '@brigade/service';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OrdersConfig } from '../../config/orders.config';
import { orderTermsOf } from '../../domain/order-terms';
import { OrderNotFoundError } from '../../domain/order.errors';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { CancelOrderSagaStep } from '../cancel-order-saga/cancel-order-saga.step';
import { CancelOrder } from './cancel-order.command';

/**
 * The request and the saga that sees it through commit together: a CANCEL_PENDING order always has
 * a saga and a deadline. Only the order's consumer (or an admin) may ask: an unknown order is 404,
 * someone else's 403, both before the state is judged, so a stranger learns nothing of it.
 */
@CommandHandler(CancelOrder)
export class CancelOrderHandler implements ICommandHandler<CancelOrder> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderCommandRunner,
    private readonly saga: CancelOrderSagaStep,
    @Inject(SERVICE_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async execute({ orderId, metadata }: CancelOrder): Promise<void> {
    const deadline = new Date(Date.parse(metadata.occurredAt) + this.config.ORDERS_CHANGE_DEADLINE_MS).toISOString();
    await runInTransaction(this.dataSource, async () => {
      // One read serves both: the owner is checked on it, and RequestCancel decides on it.
      const { state } = await this.orders.loadForDecision(orderId);
      if (state.status === 'UNKNOWN') throw new OrderNotFoundError(orderId);
      assertMayActOn(metadata.actor, { consumer: state.consumerId });
      await this.orders.run(orderId, { type: 'RequestCancel', data: { orderId } }, metadata);
      // The saga checks the kitchen's answer against the order (its terms as read above), without reading it again.
      await this.saga.start({ type: 'StartCancelOrderSaga', data: { orderId, deadline, terms: orderTermsOf(state) } }, metadata);
    });
  }
}
