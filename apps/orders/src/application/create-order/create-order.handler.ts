import { runInTransaction } from '@brigade/event-store';
import { Deadlines } from '@brigade/sagas';
import { SERVICE_CONFIG } from '@brigade/service';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OrdersConfig } from '../../config/orders.config';
import {
  CREATE_ORDER_SAGA,
  CreateOrderSagaCommandRunner,
  createOrderSagaStreamId,
} from '../../infrastructure/create-order-saga-command-runner';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { RestaurantReplica } from '../../projections/restaurant-replica/restaurant-replica';
import { CreateOrder } from './create-order.command';
import { RestaurantNotKnownError } from './restaurant-not-known.error';

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
    private readonly sagas: CreateOrderSagaCommandRunner,
    private readonly deadlines: Deadlines,
    @Inject(SERVICE_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async execute({ order, metadata }: CreateOrder): Promise<{ orderId: string }> {
    const { orderId, consumerId, restaurantId, lineItems, deliveryAddress, deliveryTime } = order;
    const restaurant = await this.replica.snapshot(restaurantId);
    if (!restaurant) throw new RestaurantNotKnownError(restaurantId);
    const deadline = new Date(Date.parse(metadata.occurredAt) + this.config.ORDERS_APPROVAL_DEADLINE_MS);
    await runInTransaction(this.dataSource, async () => {
      const command = { orderId, consumerId, restaurant, lineItems, deliveryAddress, ...(deliveryTime ? { deliveryTime } : {}) };
      await this.orders.run(orderId, { type: 'CreateOrder', data: command }, metadata, NEW_STREAM);
      await this.sagas.run(
        createOrderSagaStreamId(orderId),
        { type: 'StartCreateOrderSaga', data: { orderId, deadline: deadline.toISOString() } },
        metadata,
        NEW_STREAM,
      );
      await this.deadlines.schedule(CREATE_ORDER_SAGA, orderId, deadline);
      // Fresh streams cannot conflict: both appends go with the COMMIT, in its round trip.
    }, { appendsAtCommit: true });
    return { orderId };
  }
}
