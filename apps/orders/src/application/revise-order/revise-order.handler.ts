import { assertMayActOn } from '@brigade/auth';
import { runInTransaction } from '@brigade/event-store';
import { SERVICE_CONFIG } from '@brigade/service';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OrdersConfig } from '../../config/orders.config';
import { OrderNotFoundError, RestaurantNotKnownError } from '../../domain/order.errors';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { RestaurantReplica } from '../../projections/restaurant-replica/restaurant-replica';
import { ReviseOrderSagaStep } from '../revise-order-saga/revise-order-saga.step';
import { ReviseOrder } from './revise-order.command';

/**
 * Only the order's consumer (or an admin) may revise it: unknown -> 404, someone else's -> 403.
 * The new lines are priced against the restaurant replica like a new order's (400/404/422 before
 * anything is written); the proposal and the saga that sees it through commit together.
 */
@CommandHandler(ReviseOrder)
export class ReviseOrderHandler implements ICommandHandler<ReviseOrder> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly replica: RestaurantReplica,
    private readonly orders: OrderCommandRunner,
    private readonly saga: ReviseOrderSagaStep,
    @Inject(SERVICE_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async execute({ orderId, lineItems, metadata }: ReviseOrder): Promise<void> {
    const { state } = await this.orders.load(orderId);
    if (state.status === 'UNKNOWN') throw new OrderNotFoundError(orderId);
    // Whose order it is never changes: checked once, before anything about it is judged.
    assertMayActOn(metadata.actor, { consumer: state.consumerId });
    const restaurant = await this.replica.snapshot(state.restaurantId);
    if (!restaurant) throw new RestaurantNotKnownError(state.restaurantId);
    const deadline = new Date(Date.parse(metadata.occurredAt) + this.config.ORDERS_CHANGE_DEADLINE_MS).toISOString();
    await runInTransaction(this.dataSource, async () => {
      const { events } = await this.orders.run(orderId, { type: 'ProposeRevision', data: { orderId, restaurant, lineItems } }, metadata);
      const proposed = events.find((e) => e.type === 'OrderRevisionProposed');
      if (!proposed) return;
      const { revision, consumerId, restaurantId, orderTotalCents } = proposed.data;
      // The saga checks both answers against the revision as priced here, without reading the order again.
      const terms = { consumerId, restaurantId, orderTotalCents };
      await this.saga.start({ type: 'StartReviseOrderSaga', data: { orderId, revision, deadline, terms } }, metadata);
    });
  }
}
