import { runInTransaction } from '@brigade/event-store';
import { SERVICE_CONFIG } from '@brigade/service';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OrdersConfig } from '../../config/orders.config';
import { orderTermsOf } from '../../domain/order-terms';
import { RestaurantNotKnownError } from '../../domain/order.errors';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { RestaurantReplica } from '../../projections/restaurant-replica/restaurant-replica';
import { CreateOrderSagaStep } from '../create-order-saga/create-order-saga.step';
import { CreateOrder } from './create-order.command';

/** The order id was just generated: its streams cannot exist yet, so they are not read first. */
const NEW_STREAM = { freshId: true };

/**
 * The order (APPROVAL_PENDING), its saga and the saga's deadline are written in one transaction:
 * orders.order.created.v1 is never published for an order nobody is waiting on, and the
 * deadline exists exactly when the saga does.
 */
@CommandHandler(CreateOrder)
export class CreateOrderHandler implements ICommandHandler<CreateOrder> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly replica: RestaurantReplica,
    private readonly orders: OrderCommandRunner,
    private readonly saga: CreateOrderSagaStep,
    @Inject(SERVICE_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async execute({ order, metadata }: CreateOrder): Promise<{ orderId: string }> {
    const { orderId, consumerId, restaurantId, lineItems, deliveryAddress, deliveryTime } = order;
    const restaurant = await this.replica.snapshot(restaurantId);
    if (!restaurant) throw new RestaurantNotKnownError(restaurantId);
    const deadline = new Date(Date.parse(metadata.occurredAt) + this.config.ORDERS_APPROVAL_DEADLINE_MS).toISOString();
    const command = { orderId, consumerId, restaurant, lineItems, deliveryAddress, ...(deliveryTime ? { deliveryTime } : {}) };
    // Fresh streams cannot conflict: both appends (and the deadline) go with the COMMIT, in its round trip.
    await runInTransaction(this.dataSource, async () => {
      const { state } = await this.orders.run(orderId, { type: 'CreateOrder', data: command }, metadata, NEW_STREAM);
      // The saga checks every verdict against the order as priced here, without reading it again.
      await this.saga.start({ type: 'StartCreateOrderSaga', data: { orderId, deadline, terms: orderTermsOf(state) } }, metadata, NEW_STREAM);
    }, { appendsAtCommit: true });
    return { orderId };
  }
}
