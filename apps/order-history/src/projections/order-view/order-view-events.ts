import { paymentAuthorizedV1, paymentDeclinedV1, paymentVoidedV1 } from '@brigade/contracts/accounting';
import { consumerOrderValidatedV1, consumerOrderValidationFailedV1 } from '@brigade/contracts/consumers';
import {
  ticketAcceptedV1,
  ticketCancelledV1,
  ticketConfirmedV1,
  ticketCreatedV1,
  ticketPreparingV1,
  ticketReadyForPickupV1,
  ticketRejectedV1,
} from '@brigade/contracts/kitchen';
import { orderApprovedV1, orderCreatedV1, orderRejectedV1 } from '@brigade/contracts/orders';
import type { ProjectionEvents } from '../projection-feed';
import type { EventPosition } from '../stream-position';
import type { OrderChange } from './order-change';
import type { PaymentState, TicketState } from './order-history.view';

/**
 * What each event of the orders, kitchen, accounting and consumers streams says about an order
 * (pure). Payloads are checked against their contract first: one that breaks it is not a
 * business answer (the live consumer retries, then parks it; the replay skips it).
 */
export const ORDER_VIEW_EVENTS: ProjectionEvents<OrderChange> = {
  [orderCreatedV1.subject]: (payload, at) => {
    const { orderId, consumerId, restaurantId, lineItems, orderTotalCents } = orderCreatedV1.parse(payload);
    const lines = lineItems.map(({ menuItemId, name, priceCents, quantity }) => ({ menuItemId, name, priceCents, quantity }));
    return { orderId, consumerId, restaurantId, at, details: { lines, orderTotalCents }, decision: { state: 'APPROVAL_PENDING', rejectionReason: null } };
  },
  [orderApprovedV1.subject]: (payload, at) => {
    const { orderId, consumerId, restaurantId } = orderApprovedV1.parse(payload);
    return { orderId, consumerId, restaurantId, at, decision: { state: 'APPROVED', rejectionReason: null } };
  },
  [orderRejectedV1.subject]: (payload, at) => {
    const { orderId, consumerId, restaurantId, rejectionReason } = orderRejectedV1.parse(payload);
    return { orderId, consumerId, restaurantId, at, decision: { state: 'REJECTED', rejectionReason } };
  },

  // A ticket's id is its order's id.
  [ticketCreatedV1.subject]: (payload, at) => ticketStep(ticketCreatedV1.parse(payload), 'CREATE_PENDING', at),
  [ticketRejectedV1.subject]: (payload, at) => ticketStep(ticketRejectedV1.parse(payload), 'REJECTED', at),
  [ticketConfirmedV1.subject]: (payload, at) => ticketStep(ticketConfirmedV1.parse(payload), 'AWAITING_ACCEPTANCE', at),
  [ticketCancelledV1.subject]: (payload, at) => ticketStep(ticketCancelledV1.parse(payload), 'CANCELLED', at),
  [ticketAcceptedV1.subject]: (payload, at) => ticketStep(ticketAcceptedV1.parse(payload), 'ACCEPTED', at),
  [ticketPreparingV1.subject]: (payload, at) => ticketStep(ticketPreparingV1.parse(payload), 'PREPARING', at),
  [ticketReadyForPickupV1.subject]: (payload, at) => ticketStep(ticketReadyForPickupV1.parse(payload), 'READY_FOR_PICKUP', at),

  // Payments live on the consumer's account stream: the order is the payload's, and the version
  // compared is the account's (it grows along the account, hence along each order's payments too).
  [paymentAuthorizedV1.subject]: (payload, at) => paymentStep(paymentAuthorizedV1.parse(payload), 'AUTHORIZED', at),
  [paymentDeclinedV1.subject]: (payload, at) => paymentStep(paymentDeclinedV1.parse(payload), 'DECLINED', at),
  [paymentVoidedV1.subject]: (payload, at) => paymentStep(paymentVoidedV1.parse(payload), 'VOIDED', at),

  // A consumer's verdict changes no part of the view but belongs on the order's timeline.
  [consumerOrderValidatedV1.subject]: (payload, at) => noted(consumerOrderValidatedV1.parse(payload), at),
  [consumerOrderValidationFailedV1.subject]: (payload, at) => noted(consumerOrderValidationFailedV1.parse(payload), at),
};

function ticketStep(
  ticket: { orderId: string; restaurantId: string; reason?: string; readyBy?: string },
  state: TicketState,
  at: EventPosition,
): OrderChange {
  const { orderId, restaurantId } = ticket;
  return { orderId, consumerId: null, restaurantId, at, ticket: { state, reason: ticket.reason ?? null, readyBy: ticket.readyBy ?? null } };
}

function paymentStep(payment: { orderId: string; consumerId: string; amountCents: number; reason?: string }, state: PaymentState, at: EventPosition): OrderChange {
  const { orderId, consumerId, amountCents } = payment;
  return { orderId, consumerId, restaurantId: null, at, payment: { state, amountCents, reason: payment.reason ?? null } };
}

function noted({ orderId, consumerId }: { orderId: string; consumerId: string }, at: EventPosition): OrderChange {
  return { orderId, consumerId, restaurantId: null, at };
}
