import { runInTransaction } from '@brigade/event-store';
import { SERVICE_CONFIG } from '@brigade/service';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OrdersConfig } from '../../config/orders.config';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { CancelOrderSagaStep } from '../cancel-order-saga/cancel-order-saga.step';
import { CancelOrder } from './cancel-order.command';

/** The request and the saga that sees it through commit together: a CANCEL_PENDING order always has a saga and a deadline. */
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
      await this.orders.run(orderId, { type: 'RequestCancel', data: { orderId } }, metadata);
      await this.saga.start({ type: 'StartCancelOrderSaga', data: { orderId, deadline } }, metadata);
    });
  }
}
