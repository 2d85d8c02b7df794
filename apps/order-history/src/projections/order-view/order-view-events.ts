import {
  paymentAuthorizedV1,
  paymentCapturedV1,
  paymentDeclinedV1,
  paymentRevisedV1,
  paymentRevisionDeclinedV1,
  paymentRevisionUndoneV1,
  paymentVoidedV1,
} from '@brigade/contracts/accounting';
import { consumerOrderValidatedV1, consumerOrderValidationFailedV1 } from '@brigade/contracts/consumers';
import {
  deliveryCancelledV1,
  deliveryCourierAssignedV1,
  deliveryCreatedV1,
  deliveryDeliveredV1,
  deliveryPickedUpV1,
} from '@brigade/contracts/delivery';
import {
  ticketAcceptedV1,
  ticketCancelledV1,
  ticketCancelRefusedV1,
  ticketConfirmedV1,
  ticketCreatedV1,
  ticketPickedUpV1,
  ticketPreparingV1,
  ticketReadyForPickupV1,
  ticketRejectedV1,
  ticketRevisedV1,
  ticketRevisionRefusedV1,
  ticketRevisionUndoneV1,
} from '@brigade/contracts/kitchen';
import {
  OrderLineItemV1,
  orderApprovedV1,
  orderCancelledV1,
  orderCancelRefusedV1,
  orderCancelRequestedV1,
  orderCreatedV1,
  orderRejectedV1,
  orderRevisedV1,
  orderRevisionProposedV1,
  orderRevisionRejectedV1,
} from '@brigade/contracts/orders';
import type { ProjectionEvents } from '../projection-feed';
import type { EventPosition } from '../stream-position';
import type { Decision, DeliveryPart, OrderChange } from './order-change';
import type { DeliveryState, OrderLine, PaymentState, TicketState } from './order-history.view';
import { PaymentSteps } from './order-lifecycle';

/**
 * What each event of the orders, kitchen, accounting, consumers and delivery streams says about
 * an order (pure). Payloads are checked against their contract first: one that breaks it is not a
 * business answer (the live consumer retries, then parks it; the replay skips it). An event that
 * changes no part of the view (a verdict, a refusal the order's own events tell too) still puts
 * an entry on the order's timeline.
 */
export const ORDER_VIEW_EVENTS: ProjectionEvents<OrderChange> = {
  // The order's stream: its lines, its decisions and the changes asked for. A refused change puts
  // the order back where it was: APPROVED, since only an approved order may be changed.
  [orderCreatedV1.subject]: (payload, at) => {
    const { orderId, consumerId, restaurantId, lineItems, orderTotalCents } = orderCreatedV1.parse(payload);
    return { orderId, consumerId, restaurantId, at, details: { lines: linesOf(lineItems), orderTotalCents }, placed: true, decision: decided('APPROVAL_PENDING') };
  },
  [orderApprovedV1.subject]: (payload, at) => orderStep(orderApprovedV1.parse(payload), at, decided('APPROVED')),
  [orderRejectedV1.subject]: (payload, at) => {
    const order = orderRejectedV1.parse(payload);
    return orderStep(order, at, { ...decided('REJECTED'), rejectionReason: order.rejectionReason });
  },
  [orderCancelRequestedV1.subject]: (payload, at) => orderStep(orderCancelRequestedV1.parse(payload), at, decided('CANCEL_PENDING', 'CANCEL', 'PENDING')),
  [orderCancelledV1.subject]: (payload, at) => orderStep(orderCancelledV1.parse(payload), at, decided('CANCELLED', 'CANCEL', 'DONE')),
  [orderCancelRefusedV1.subject]: (payload, at) => {
    const order = orderCancelRefusedV1.parse(payload);
    return orderStep(order, at, decided('APPROVED', 'CANCEL', 'REFUSED', order.reason));
  },
  [orderRevisionProposedV1.subject]: (payload, at) =>
    orderStep(orderRevisionProposedV1.parse(payload), at, decided('REVISION_PENDING', 'REVISE', 'PENDING')),
  [orderRevisedV1.subject]: (payload, at) => {
    const order = orderRevisedV1.parse(payload);
    const details = { lines: linesOf(order.lineItems), orderTotalCents: order.orderTotalCents };
    return { ...orderStep(order, at, decided('APPROVED', 'REVISE', 'DONE')), details };
  },
  [orderRevisionRejectedV1.subject]: (payload, at) => {
    const order = orderRevisionRejectedV1.parse(payload);
    return orderStep(order, at, decided('APPROVED', 'REVISE', 'REFUSED', order.reason));
  },

  // A ticket's id is its order's id. Its answers to a change leave its state as it was.
  [ticketCreatedV1.subject]: (payload, at) => ticketStep(ticketCreatedV1.parse(payload), 'CREATE_PENDING', at),
  [ticketRejectedV1.subject]: (payload, at) => ticketStep(ticketRejectedV1.parse(payload), 'REJECTED', at),
  [ticketConfirmedV1.subject]: (payload, at) => ticketStep(ticketConfirmedV1.parse(payload), 'AWAITING_ACCEPTANCE', at),
  [ticketCancelledV1.subject]: (payload, at) => ticketStep(ticketCancelledV1.parse(payload), 'CANCELLED', at),
  [ticketAcceptedV1.subject]: (payload, at) => ticketStep(ticketAcceptedV1.parse(payload), 'ACCEPTED', at),
  [ticketPreparingV1.subject]: (payload, at) => ticketStep(ticketPreparingV1.parse(payload), 'PREPARING', at),
  [ticketReadyForPickupV1.subject]: (payload, at) => ticketStep(ticketReadyForPickupV1.parse(payload), 'READY_FOR_PICKUP', at),
  [ticketPickedUpV1.subject]: (payload, at) => ticketStep(ticketPickedUpV1.parse(payload), 'PICKED_UP', at),
  [ticketCancelRefusedV1.subject]: (payload, at) => atRestaurant(ticketCancelRefusedV1.parse(payload), at),
  [ticketRevisedV1.subject]: (payload, at) => atRestaurant(ticketRevisedV1.parse(payload), at),
  [ticketRevisionRefusedV1.subject]: (payload, at) => atRestaurant(ticketRevisionRefusedV1.parse(payload), at),
  [ticketRevisionUndoneV1.subject]: (payload, at) => atRestaurant(ticketRevisionUndoneV1.parse(payload), at),

  // Payments: the order is the payload's, and the part moves along the payment's steps. A revision
  // accounting adjusts leaves the hold authorised at the new amount; undone, at the old one again.
  [paymentAuthorizedV1.subject]: (payload, at) => paymentStep(paymentAuthorizedV1.parse(payload), 'AUTHORIZED', PaymentSteps.verdict, at),
  [paymentDeclinedV1.subject]: (payload, at) => paymentStep(paymentDeclinedV1.parse(payload), 'DECLINED', PaymentSteps.verdict, at),
  [paymentRevisedV1.subject]: (payload, at) => {
    const payment = paymentRevisedV1.parse(payload);
    return paymentStep(payment, 'AUTHORIZED', PaymentSteps.revised(payment.revision), at);
  },
  [paymentRevisionUndoneV1.subject]: (payload, at) => {
    const payment = paymentRevisionUndoneV1.parse(payload);
    return paymentStep(payment, 'AUTHORIZED', PaymentSteps.revisionUndone(payment.revision), at);
  },
  [paymentVoidedV1.subject]: (payload, at) => paymentStep(paymentVoidedV1.parse(payload), 'VOIDED', PaymentSteps.settled, at),
  [paymentCapturedV1.subject]: (payload, at) => paymentStep(paymentCapturedV1.parse(payload), 'CAPTURED', PaymentSteps.settled, at),
  [paymentRevisionDeclinedV1.subject]: (payload, at) => ofConsumer(paymentRevisionDeclinedV1.parse(payload), at),

  // A consumer's verdict changes no part of the view but belongs on the order's timeline.
  [consumerOrderValidatedV1.subject]: (payload, at) => ofConsumer(consumerOrderValidatedV1.parse(payload), at),
  [consumerOrderValidationFailedV1.subject]: (payload, at) => ofConsumer(consumerOrderValidationFailedV1.parse(payload), at),

  // A delivery's id is its order's id; the courier's name is joined when the order is read.
  [deliveryCreatedV1.subject]: (payload, at) => {
    const { orderId, consumerId, restaurantId } = deliveryCreatedV1.parse(payload);
    return { orderId, consumerId, restaurantId, at, delivery: { state: 'PENDING', courierId: null } };
  },
  [deliveryCourierAssignedV1.subject]: (payload, at) => deliveryStep(deliveryCourierAssignedV1.parse(payload), 'ASSIGNED', at),
  [deliveryPickedUpV1.subject]: (payload, at) => deliveryStep(deliveryPickedUpV1.parse(payload), 'PICKED_UP', at),
  [deliveryDeliveredV1.subject]: (payload, at) => deliveryStep(deliveryDeliveredV1.parse(payload), 'DELIVERED', at),
  [deliveryCancelledV1.subject]: (payload, at) => deliveryStep(deliveryCancelledV1.parse(payload), 'CANCELLED', at),
};

function linesOf(lineItems: readonly OrderLineItemV1[]): OrderLine[] {
  return lineItems.map(({ menuItemId, name, priceCents, quantity }) => ({ menuItemId, name, priceCents, quantity }));
}

function decided(state: Decision['state'], type?: 'CANCEL' | 'REVISE', outcome?: 'PENDING' | 'DONE' | 'REFUSED', reason: string | null = null): Decision {
  return { state, rejectionReason: null, lastChange: type && outcome ? { type, outcome, reason } : null };
}

function orderStep(order: { orderId: string; consumerId: string; restaurantId: string }, at: EventPosition, decision: Decision): OrderChange {
  const { orderId, consumerId, restaurantId } = order;
  return { orderId, consumerId, restaurantId, at, decision };
}

function ticketStep(
  ticket: { orderId: string; restaurantId: string; reason?: string; readyBy?: string },
  state: TicketState,
  at: EventPosition,
): OrderChange {
  const { orderId, restaurantId } = ticket;
  return { orderId, consumerId: null, restaurantId, at, ticket: { state, reason: ticket.reason ?? null, readyBy: ticket.readyBy ?? null } };
}

function paymentStep(
  payment: { orderId: string; consumerId: string; amountCents: number; reason?: string },
  state: PaymentState,
  step: number,
  at: EventPosition,
): OrderChange {
  const { orderId, consumerId, amountCents } = payment;
  return { orderId, consumerId, restaurantId: null, at, payment: { state, amountCents, reason: payment.reason ?? null, step } };
}

function deliveryStep(delivery: { orderId: string; restaurantId: string; courierId: string | null }, state: DeliveryState, at: EventPosition): OrderChange {
  const part: DeliveryPart = { state, courierId: delivery.courierId };
  return { orderId: delivery.orderId, consumerId: null, restaurantId: delivery.restaurantId, at, delivery: part };
}

/** Timeline only: an event about the order that changes no part of its row. */
function ofConsumer({ orderId, consumerId }: { orderId: string; consumerId: string }, at: EventPosition): OrderChange {
  return { orderId, consumerId, restaurantId: null, at };
}

function atRestaurant({ orderId, restaurantId }: { orderId: string; restaurantId: string }, at: EventPosition): OrderChange {
  return { orderId, consumerId: null, restaurantId, at };
}
