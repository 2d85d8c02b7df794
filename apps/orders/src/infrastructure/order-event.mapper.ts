import {
  OrderApprovedV1,
  orderApprovedV1Subject,
  OrderCreatedV1,
  orderCreatedV1Subject,
  OrderRejectedV1,
  orderRejectedV1Subject,
} from '@brigade/contracts/orders';
import { assertNever } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { EventMapping } from '@brigade/messaging';
import type { OrderDetails, OrderEvent } from '../domain/order.decider';
import { ORDER_STREAM_TYPE } from './order-command-runner';
import { CREATE_ORDER_SAGA_STREAM_TYPE } from './create-order-saga-command-runner';

/**
 * Internal event -> integration contract, field by field, so nothing the domain adds leaks onto
 * the wire. The saga's events and the order's fulfilment steps are internal (null: the relay
 * moves past them). Pure, so the relay can map an event again after a failure; an unknown stream
 * type or event type is a bug and throws.
 */
export function mapOrderEvent(stored: StoredEvent): EventMapping | null {
  if (stored.streamType === CREATE_ORDER_SAGA_STREAM_TYPE) return null;
  if (stored.streamType !== ORDER_STREAM_TYPE) throw new Error(`No mapping for events of stream type ${stored.streamType}`);
  const event = { type: stored.type, data: stored.data } as OrderEvent;
  switch (event.type) {
    case 'OrderCreated':
      return { subject: orderCreatedV1Subject, payload: toOrderCreatedV1(event.data) };
    case 'OrderApproved': {
      const { orderId, consumerId, restaurantId, orderTotalCents } = event.data;
      const payload: OrderApprovedV1 = { orderId, consumerId, restaurantId, orderTotalCents };
      return { subject: orderApprovedV1Subject, payload };
    }
    case 'OrderRejected': {
      const { orderId, consumerId, restaurantId, reason } = event.data;
      const payload: OrderRejectedV1 = { orderId, consumerId, restaurantId, rejectionReason: reason };
      return { subject: orderRejectedV1Subject, payload };
    }
    // Fulfilment is mirrored from the kitchen for GET /orders/:id; orders has no contract for it yet.
    case 'OrderPreparationStarted':
    case 'OrderReadyForPickup':
      return null;
    default:
      return assertNever(event);
  }
}

function toOrderCreatedV1(order: OrderDetails): OrderCreatedV1 {
  const { street1, street2, city, zip } = order.deliveryAddress;
  return {
    orderId: order.orderId,
    consumerId: order.consumerId,
    restaurantId: order.restaurantId,
    lineItems: order.lineItems.map(({ menuItemId, name, priceCents, quantity }) => ({ menuItemId, name, priceCents, quantity })),
    orderTotalCents: order.orderTotalCents,
    deliveryAddress: street2 === undefined ? { street1, city, zip } : { street1, street2, city, zip },
    ...(order.deliveryTime === undefined ? {} : { deliveryTime: order.deliveryTime }),
  };
}
