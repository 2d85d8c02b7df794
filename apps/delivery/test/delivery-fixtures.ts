// Neighbours' events as delivery receives them: a restaurant's creation, an order's life (orders)
// and its ticket's progress (kitchen), by contract fixture.
import type { Contract } from '@brigade/contracts/core';
import { aTicketAcceptedV1, aTicketReadyForPickupV1, ticketAcceptedV1, ticketReadyForPickupV1 } from '@brigade/contracts/kitchen';
import {
  anOrderApprovedV1,
  anOrderCancelledV1,
  anOrderCreatedV1,
  anOrderRejectedV1,
  orderApprovedV1,
  orderCancelledV1,
  orderCreatedV1,
  orderRejectedV1,
} from '@brigade/contracts/orders';
import { aRestaurantCreatedV1, restaurantCreatedV1 } from '@brigade/contracts/restaurants';
import { randomUUID } from 'node:crypto';
import type { DeliveryApp } from './delivery-app';

/** The restaurant fixture's address: where the food is picked up. */
export const restaurantAddress = aRestaurantCreatedV1().address;
/** The order fixture's delivery address. */
export const orderAddress = anOrderCreatedV1().deliveryAddress;

export const inHalfAnHour = () => new Date(Date.now() + 30 * 60_000).toISOString();

/** A restaurant delivery has heard of, once the replica has applied it. */
export async function aRestaurant(app: DeliveryApp): Promise<string> {
  const restaurantId = randomUUID();
  await app.consumed(await app.publish(restaurantCreatedV1, aRestaurantCreatedV1({ restaurantId }), { aggregateId: restaurantId, version: 1 }));
  return restaurantId;
}

/**
 * An order at `restaurantId` with a fresh id: what orders publishes about it (one stream, its
 * versions) and what the kitchen publishes about its ticket (another stream, keyed by the orderId).
 */
export class OrderFixture {
  readonly orderId = randomUUID();
  readonly consumerId = randomUUID();
  private orderVersion = 0;
  private ticketVersion = 0;

  constructor(
    private readonly app: DeliveryApp,
    readonly restaurantId: string,
  ) {}

  created(): Promise<string> {
    return this.fromOrders(orderCreatedV1, anOrderCreatedV1(this.ids()));
  }

  approved(event: { eventId?: string } = {}): Promise<string> {
    return this.fromOrders(orderApprovedV1, anOrderApprovedV1(this.ids()), event);
  }

  rejected(): Promise<string> {
    return this.fromOrders(orderRejectedV1, anOrderRejectedV1(this.ids()));
  }

  cancelled(): Promise<string> {
    return this.fromOrders(orderCancelledV1, anOrderCancelledV1(this.ids()));
  }

  ticketAccepted(readyBy = inHalfAnHour()): Promise<string> {
    return this.fromKitchen(ticketAcceptedV1, aTicketAcceptedV1({ orderId: this.orderId, restaurantId: this.restaurantId, readyBy }));
  }

  ticketReady(): Promise<string> {
    return this.fromKitchen(ticketReadyForPickupV1, aTicketReadyForPickupV1({ orderId: this.orderId, restaurantId: this.restaurantId }));
  }

  /** Created and approved, both applied: the delivery exists (PENDING). */
  async approvedAndApplied(): Promise<this> {
    await this.app.consumed(await this.created());
    await this.app.consumed(await this.approved());
    return this;
  }

  private ids() {
    return { orderId: this.orderId, consumerId: this.consumerId, restaurantId: this.restaurantId };
  }

  private fromOrders<T>(contract: Contract<T>, payload: T, event: { eventId?: string } = {}): Promise<string> {
    return this.app.publish(contract, payload, { aggregateId: this.orderId, version: ++this.orderVersion, ...event });
  }

  private fromKitchen<T>(contract: Contract<T>, payload: T): Promise<string> {
    return this.app.publish(contract, payload, { aggregateId: this.orderId, version: ++this.ticketVersion });
  }
}
