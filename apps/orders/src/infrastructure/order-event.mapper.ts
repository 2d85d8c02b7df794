import {
  OrderApprovedV1,
  orderApprovedV1Subject,
  OrderCancelledV1,
  orderCancelledV1Subject,
  OrderCancelRefusedV1,
  orderCancelRefusedV1Subject,
  OrderCancelRequestedV1,
  orderCancelRequestedV1Subject,
  OrderCreatedV1,
  orderCreatedV1Subject,
  OrderRejectedV1,
  orderRejectedV1Subject,
  OrderRevisedV1,
  orderRevisedV1Subject,
  OrderRevisionProposedV1,
  orderRevisionProposedV1Subject,
  OrderRevisionRejectedV1,
  orderRevisionRejectedV1Subject,
} from '@brigade/contracts/orders';
import { assertNever } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { EventMapping } from '@brigade/messaging';
import type { OrderDetails, OrderEvent, OrderParties } from '../domain/order.events';
import type { OrderLine } from '../domain/order.types';
import { ORDER_STREAM_TYPE } from './order-command-runner';

/** The sagas' own streams: internal, never published. */
export const SAGA_STREAM_TYPES: ReadonlySet<string> = new Set(['create-order-saga', 'cancel-order-saga', 'revise-order-saga']);

/**
 * Internal event -> integration contract, field by field, so nothing the domain adds leaks onto
 * the wire. The sagas' events and the order's mirrored fulfilment steps are internal (null: the
 * relay moves past them). Pure, so the relay can map an event again after a failure; an unknown
 * stream type or event type is a bug and throws.
 */
export function mapOrderEvent(stored: StoredEvent): EventMapping | null {
  if (SAGA_STREAM_TYPES.has(stored.streamType)) return null;
  if (stored.streamType !== ORDER_STREAM_TYPE) throw new Error(`No mapping for events of stream type ${stored.streamType}`);
  const event = { type: stored.type, data: stored.data } as OrderEvent;
  switch (event.type) {
    case 'OrderCreated':
      return { subject: orderCreatedV1Subject, payload: toOrderCreatedV1(event.data) };
    case 'OrderApproved': {
      const payload: OrderApprovedV1 = { ...partiesOf(event.data), orderTotalCents: event.data.orderTotalCents };
      return { subject: orderApprovedV1Subject, payload };
    }
    case 'OrderRejected': {
      const payload: OrderRejectedV1 = { ...partiesOf(event.data), rejectionReason: event.data.reason };
      return { subject: orderRejectedV1Subject, payload };
    }
    case 'OrderCancelRequested': {
      const payload: OrderCancelRequestedV1 = partiesOf(event.data);
      return { subject: orderCancelRequestedV1Subject, payload };
    }
    case 'OrderCancelled': {
      const payload: OrderCancelledV1 = partiesOf(event.data);
      return { subject: orderCancelledV1Subject, payload };
    }
    case 'OrderCancelRefused': {
      const payload: OrderCancelRefusedV1 = { ...partiesOf(event.data), reason: event.data.reason };
      return { subject: orderCancelRefusedV1Subject, payload };
    }
    case 'OrderRevisionProposed': {
      const { revision, lineItems, orderTotalCents } = event.data;
      const payload: OrderRevisionProposedV1 = { ...partiesOf(event.data), revision, lineItems: linesOf(lineItems), orderTotalCents };
      return { subject: orderRevisionProposedV1Subject, payload };
    }
    case 'OrderRevised': {
      const { revision, lineItems, orderTotalCents } = event.data;
      const payload: OrderRevisedV1 = { ...partiesOf(event.data), revision, lineItems: linesOf(lineItems), orderTotalCents };
      return { subject: orderRevisedV1Subject, payload };
    }
    case 'OrderRevisionRejected': {
      const { revision, reason } = event.data;
      const payload: OrderRevisionRejectedV1 = { ...partiesOf(event.data), revision, reason };
      return { subject: orderRevisionRejectedV1Subject, payload };
    }
    // Fulfilment is mirrored from the kitchen and delivery for GET /orders/:id; they publish it themselves.
    case 'OrderPreparationStarted':
    case 'OrderReadyForPickup':
    case 'OrderPickedUp':
    case 'OrderDelivered':
      return null;
    default:
      return assertNever(event);
  }
}

function partiesOf({ orderId, consumerId, restaurantId }: OrderParties): OrderParties {
  return { orderId, consumerId, restaurantId };
}

function linesOf(lines: readonly OrderLine[]): OrderLine[] {
  return lines.map(({ menuItemId, name, priceCents, quantity }) => ({ menuItemId, name, priceCents, quantity }));
}

function toOrderCreatedV1(order: OrderDetails): OrderCreatedV1 {
  const { street1, street2, city, zip } = order.deliveryAddress;
  return {
    ...partiesOf(order),
    lineItems: linesOf(order.lineItems),
    orderTotalCents: order.orderTotalCents,
    deliveryAddress: street2 === undefined ? { street1, city, zip } : { street1, street2, city, zip },
    ...(order.deliveryTime === undefined ? {} : { deliveryTime: order.deliveryTime }),
  };
}
