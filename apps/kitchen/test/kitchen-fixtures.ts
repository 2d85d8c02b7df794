// Neighbours' events as the kitchen receives them: a restaurant's life, an order's and its delivery's, by contract fixture.
import type { Contract } from '@brigade/contracts/core';
import { aDeliveryPickedUpV1, deliveryPickedUpV1 } from '@brigade/contracts/delivery';
import {
  anOrderApprovedV1,
  anOrderCancelRequestedV1,
  anOrderCreatedV1,
  anOrderRejectedV1,
  anOrderRevisedV1,
  anOrderRevisionProposedV1,
  anOrderRevisionRejectedV1,
  orderApprovedV1,
  orderCancelRequestedV1,
  orderCreatedV1,
  orderRejectedV1,
  orderRevisedV1,
  orderRevisionProposedV1,
  orderRevisionRejectedV1,
} from '@brigade/contracts/orders';
import {
  aRestaurantClosedV1,
  aRestaurantCreatedV1,
  aRestaurantMenuRevisedV1,
  aRestaurantOpenedV1,
  restaurantClosedV1,
  restaurantCreatedV1,
  restaurantMenuRevisedV1,
  restaurantOpenedV1,
} from '@brigade/contracts/restaurants';
import { randomUUID } from 'node:crypto';
import type { KitchenApp } from './kitchen-app';

/** A restaurant the kitchen has heard of; its menu is the restaurants fixture's (the items the orders fixture orders). */
export class RestaurantFixture {
  readonly restaurantId = randomUUID();
  private version = 0;

  constructor(private readonly app: KitchenApp) {}

  created(): Promise<string> {
    return this.send(restaurantCreatedV1, aRestaurantCreatedV1({ restaurantId: this.restaurantId }));
  }

  opened(): Promise<string> {
    return this.send(restaurantOpenedV1, aRestaurantOpenedV1({ restaurantId: this.restaurantId }));
  }

  closed(): Promise<string> {
    return this.send(restaurantClosedV1, aRestaurantClosedV1({ restaurantId: this.restaurantId }));
  }

  menuRevised(menu = aRestaurantMenuRevisedV1().menu): Promise<string> {
    return this.send(restaurantMenuRevisedV1, aRestaurantMenuRevisedV1({ restaurantId: this.restaurantId, menu }));
  }

  /**
   * Waits until the replica has applied it: restaurants and orders are different streams (and
   * durables), so nothing orders a restaurant's change before an order that follows it.
   */
  private async send<T extends { version: number }>(contract: Contract<T>, payload: T): Promise<string> {
    this.version += 1;
    // The restaurants relay writes the stream version in the header and the payload alike.
    const eventId = await this.app.publish(contract, { ...payload, version: this.version }, { aggregateId: this.restaurantId, version: this.version });
    await this.app.consumed(eventId);
    return eventId;
  }
}

/** An order at `restaurantId`, with a fresh id: the orders fixture's two lines. */
export class OrderFixture {
  readonly orderId = randomUUID();
  private version = 0;

  constructor(
    private readonly app: KitchenApp,
    readonly restaurantId: string,
  ) {}

  created(overrides: Parameters<typeof anOrderCreatedV1>[0] = {}, event: { eventId?: string; msgId?: string } = {}): Promise<string> {
    const payload = anOrderCreatedV1({ orderId: this.orderId, restaurantId: this.restaurantId, ...overrides });
    return this.app.publish(orderCreatedV1, payload, { aggregateId: this.orderId, version: ++this.version, ...event });
  }

  approved(): Promise<string> {
    const payload = anOrderApprovedV1({ orderId: this.orderId, restaurantId: this.restaurantId });
    return this.app.publish(orderApprovedV1, payload, { aggregateId: this.orderId, version: ++this.version });
  }

  rejected(rejectionReason = anOrderRejectedV1().rejectionReason): Promise<string> {
    const payload = anOrderRejectedV1({ orderId: this.orderId, restaurantId: this.restaurantId, rejectionReason });
    return this.app.publish(orderRejectedV1, payload, { aggregateId: this.orderId, version: ++this.version });
  }

  cancelRequested(): Promise<string> {
    const payload = anOrderCancelRequestedV1({ orderId: this.orderId, restaurantId: this.restaurantId });
    return this.app.publish(orderCancelRequestedV1, payload, { aggregateId: this.orderId, version: ++this.version });
  }

  /** The orders fixture's revision: three vindaloos, no naan (see expectedRevisedLineItems). */
  revisionProposed(revision = 1): Promise<string> {
    const payload = anOrderRevisionProposedV1({ orderId: this.orderId, restaurantId: this.restaurantId, revision });
    return this.app.publish(orderRevisionProposedV1, payload, { aggregateId: this.orderId, version: ++this.version });
  }

  revised(revision = 1): Promise<string> {
    const payload = anOrderRevisedV1({ orderId: this.orderId, restaurantId: this.restaurantId, revision });
    return this.app.publish(orderRevisedV1, payload, { aggregateId: this.orderId, version: ++this.version });
  }

  revisionRejected(revision = 1, reason = anOrderRevisionRejectedV1().reason): Promise<string> {
    const payload = anOrderRevisionRejectedV1({ orderId: this.orderId, restaurantId: this.restaurantId, revision, reason });
    return this.app.publish(orderRevisionRejectedV1, payload, { aggregateId: this.orderId, version: ++this.version });
  }
}

/** The delivery of an order (delivery's stream id is the orderId too, with versions of its own). */
export class DeliveryFixture {
  private version = 0;

  constructor(
    private readonly app: KitchenApp,
    private readonly order: { readonly orderId: string; readonly restaurantId: string },
  ) {}

  pickedUp(): Promise<string> {
    const payload = aDeliveryPickedUpV1({ orderId: this.order.orderId, restaurantId: this.order.restaurantId });
    return this.app.publish(deliveryPickedUpV1, payload, { aggregateId: this.order.orderId, version: ++this.version });
  }
}

/** The lines the kitchen cooks for the orders fixture (its lines without prices). */
export function expectedLineItems() {
  return anOrderCreatedV1().lineItems.map(({ menuItemId, name, quantity }) => ({ menuItemId, name, quantity }));
}

/** The lines of the orders fixture's revision, as the kitchen cooks them. */
export function expectedRevisedLineItems() {
  return anOrderRevisionProposedV1().lineItems.map(({ menuItemId, name, quantity }) => ({ menuItemId, name, quantity }));
}
