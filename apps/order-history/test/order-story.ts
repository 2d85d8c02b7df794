// Object mothers: one order's life across the contexts, as contract fixtures with fresh ids,
// stream versions as each producer would number them, and the times they occurred.
import {
  aPaymentAuthorizedV1,
  aPaymentCapturedV1,
  aPaymentRevisedV1,
  aPaymentVoidedV1,
  paymentAuthorizedV1,
  paymentCapturedV1,
  paymentRevisedV1,
  paymentVoidedV1,
} from '@brigade/contracts/accounting';
import { aConsumerOrderValidatedV1, aConsumerRegisteredV1, consumerOrderValidatedV1, consumerRegisteredV1 } from '@brigade/contracts/consumers';
import {
  aCourierRegisteredV1,
  aDeliveryCancelledV1,
  aDeliveryCourierAssignedV1,
  aDeliveryCreatedV1,
  aDeliveryDeliveredV1,
  aDeliveryPickedUpV1,
  courierRegisteredV1,
  deliveryCancelledV1,
  deliveryCourierAssignedV1,
  deliveryCreatedV1,
  deliveryDeliveredV1,
  deliveryPickedUpV1,
} from '@brigade/contracts/delivery';
import {
  aTicketAcceptedV1,
  aTicketCancelledV1,
  aTicketConfirmedV1,
  aTicketCreatedV1,
  aTicketPickedUpV1,
  aTicketPreparingV1,
  aTicketReadyForPickupV1,
  aTicketRevisedV1,
  ticketAcceptedV1,
  ticketCancelledV1,
  ticketConfirmedV1,
  ticketCreatedV1,
  ticketPickedUpV1,
  ticketPreparingV1,
  ticketReadyForPickupV1,
  ticketRevisedV1,
} from '@brigade/contracts/kitchen';
import {
  anOrderApprovedV1,
  anOrderCancelledV1,
  anOrderCancelRequestedV1,
  anOrderCreatedV1,
  anOrderRejectedV1,
  anOrderRevisedV1,
  anOrderRevisionProposedV1,
  OrderLineItemV1,
  orderApprovedV1,
  orderCancelledV1,
  orderCancelRequestedV1,
  orderCreatedV1,
  orderRejectedV1,
  orderRevisedV1,
  orderRevisionProposedV1,
} from '@brigade/contracts/orders';
import { aRestaurantCreatedV1, aRestaurantMenuRevisedV1, MenuItemV1, restaurantCreatedV1, restaurantMenuRevisedV1 } from '@brigade/contracts/restaurants';
import { randomUUID } from 'node:crypto';
import type { NeighbourEvent } from './order-history-app';

export const at = (base: string, offsetMs: number): string => new Date(Date.parse(base) + offsetMs).toISOString();

function event<T>(contract: NeighbourEvent<T>['contract'], payload: T, aggregateId: string, version: number, occurredAt: string): NeighbourEvent {
  return { contract, payload, aggregateId, version, occurredAt, eventId: randomUUID() } as NeighbourEvent;
}

export function restaurantCreated(restaurantId: string, occurredAt: string, overrides: { name?: string; menu?: MenuItemV1[] } = {}): NeighbourEvent {
  return event(restaurantCreatedV1, aRestaurantCreatedV1({ restaurantId, ...overrides }), restaurantId, 1, occurredAt);
}

/** A revision of the restaurant's menu: the restaurant's stream `version` (created is 1). */
export function menuRevised(restaurantId: string, version: number, occurredAt: string, menu: MenuItemV1[]): NeighbourEvent {
  return event(restaurantMenuRevisedV1, aRestaurantMenuRevisedV1({ restaurantId, menu, version }), restaurantId, version, occurredAt);
}

/** A menu item with a fresh id. */
export const menuItem = (name: string, priceCents: number): MenuItemV1 => ({ menuItemId: randomUUID(), name, priceCents });

/** A line ordering `quantity` of a menu item at its price. */
export const lineOf = (item: MenuItemV1, quantity = 1): OrderLineItemV1 => ({ ...item, quantity });

export function consumerRegistered(consumerId: string, occurredAt: string): NeighbourEvent {
  return event(consumerRegisteredV1, aConsumerRegisteredV1({ consumerId }), consumerId, 1, occurredAt);
}

/** An order placed at `placedAt` (by a fresh consumer at a fresh restaurant unless given). */
export function orderCreated(
  placedAt: string,
  ids: { orderId?: string; consumerId?: string; restaurantId?: string } = {},
  lineItems?: OrderLineItemV1[],
): NeighbourEvent<ReturnType<typeof anOrderCreatedV1>> {
  const orderId = ids.orderId ?? randomUUID();
  const lines = lineItems ?? anOrderCreatedV1().lineItems;
  const payload = anOrderCreatedV1({
    orderId,
    consumerId: ids.consumerId ?? randomUUID(),
    restaurantId: ids.restaurantId ?? randomUUID(),
    lineItems: lines,
    orderTotalCents: lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0),
  });
  return event(orderCreatedV1, payload, orderId, 1, placedAt) as NeighbourEvent<ReturnType<typeof anOrderCreatedV1>>;
}

export function orderApproved(created: NeighbourEvent<ReturnType<typeof anOrderCreatedV1>>, occurredAt: string): NeighbourEvent {
  const { orderId, consumerId, restaurantId, orderTotalCents } = created.payload;
  return event(orderApprovedV1, anOrderApprovedV1({ orderId, consumerId, restaurantId, orderTotalCents }), orderId, 2, occurredAt);
}

export function orderRejected(created: NeighbourEvent<ReturnType<typeof anOrderCreatedV1>>, occurredAt: string, rejectionReason: string): NeighbourEvent {
  const { orderId, consumerId, restaurantId } = created.payload;
  return event(orderRejectedV1, anOrderRejectedV1({ orderId, consumerId, restaurantId, rejectionReason }), orderId, 2, occurredAt);
}

export const PLACED_AT = '2026-11-27T12:00:00.000Z';
export const READY_BY = '2026-11-27T12:30:00.000Z';

/**
 * The happy path of one order, every step published by its own context: the restaurant and
 * the consumer exist, the order is placed, validated, given a ticket and a payment, approved,
 * and the kitchen cooks it. `steps` are in the order they happened.
 */
export class OrderStory {
  readonly orderId = randomUUID();
  readonly consumerId: string;
  readonly restaurantId = randomUUID();
  readonly steps: Readonly<Record<StepName, NeighbourEvent>>;

  /** `consumerId`: the story's consumer (a fresh one unless given: several orders of one consumer). */
  constructor(ids: { consumerId?: string } = {}) {
    this.consumerId = ids.consumerId ?? randomUUID();
    const { orderId, consumerId, restaurantId } = this;
    const ticket = { orderId, restaurantId };
    const created = orderCreated(PLACED_AT, { orderId, consumerId, restaurantId });
    this.steps = {
      restaurantCreated: restaurantCreated(restaurantId, at(PLACED_AT, -86_400_000)),
      consumerRegistered: consumerRegistered(consumerId, at(PLACED_AT, -3_600_000)),
      orderCreated: created,
      consumerValidated: event(consumerOrderValidatedV1, aConsumerOrderValidatedV1({ orderId, consumerId }), consumerId, 2, at(PLACED_AT, 100)),
      ticketCreated: event(ticketCreatedV1, aTicketCreatedV1(ticket), orderId, 1, at(PLACED_AT, 200)),
      // The account stream: opened at version 1, this order's authorisation at 2.
      paymentAuthorized: event(paymentAuthorizedV1, aPaymentAuthorizedV1({ orderId, consumerId, amountCents: created.payload.orderTotalCents }), consumerId, 2, at(PLACED_AT, 300)),
      orderApproved: orderApproved(created, at(PLACED_AT, 400)),
      ticketConfirmed: event(ticketConfirmedV1, aTicketConfirmedV1(ticket), orderId, 2, at(PLACED_AT, 500)),
      ticketAccepted: event(ticketAcceptedV1, aTicketAcceptedV1({ ...ticket, readyBy: READY_BY }), orderId, 3, at(PLACED_AT, 60_000)),
      ticketPreparing: event(ticketPreparingV1, aTicketPreparingV1(ticket), orderId, 4, at(PLACED_AT, 120_000)),
      ticketReady: event(ticketReadyForPickupV1, aTicketReadyForPickupV1(ticket), orderId, 5, at(PLACED_AT, 1_500_000)),
    };
  }

  /** Every step, in the order they happened. */
  inOrder(): NeighbourEvent[] {
    return STEP_NAMES.map((name) => this.steps[name]);
  }

  /** The steps up to `last`, in the order they happened. */
  upTo(last: StepName): NeighbourEvent[] {
    return STEP_NAMES.slice(0, STEP_NAMES.indexOf(last) + 1).map((name) => this.steps[name]);
  }

  /**
   * The view with this story's ids replaced by names (`<order>`, `<ticketCreated>`...), so views
   * of different stories can be compared.
   */
  normalise(view: unknown): unknown {
    let text = JSON.stringify(view);
    const names: Array<[string, string]> = [
      [this.orderId, '<order>'],
      [this.consumerId, '<consumer>'],
      [this.restaurantId, '<restaurant>'],
      ...STEP_NAMES.map((name): [string, string] => [this.steps[name].eventId, `<${name}>`]),
    ];
    for (const [id, name] of names) text = text.split(id).join(name);
    return JSON.parse(text);
  }
}

export const STEP_NAMES = [
  'restaurantCreated',
  'consumerRegistered',
  'orderCreated',
  'consumerValidated',
  'ticketCreated',
  'paymentAuthorized',
  'orderApproved',
  'ticketConfirmed',
  'ticketAccepted',
  'ticketPreparing',
  'ticketReady',
] as const;
export type StepName = (typeof STEP_NAMES)[number];


// The rest of an order's life, after the story's approval: each producer numbers its stream on
// from where the story left it (the order at 2, the ticket at 3 once accepted, the account at 2).

export const COURIER_NAME = aCourierRegisteredV1().name;

/** A courier joins (delivery.courier.registered.v1, its stream's version 1). */
export function courierRegistered(courierId: string, occurredAt: string): NeighbourEvent {
  return event(courierRegisteredV1, aCourierRegisteredV1({ courierId }), courierId, 1, occurredAt);
}

/** The delivery, created on approval (delivery stream version 1), and a courier assigned once the ticket is accepted (2). */
export function deliveryAssigned(story: OrderStory, courierId: string) {
  const { orderId, consumerId, restaurantId } = story;
  return {
    deliveryCreated: event(deliveryCreatedV1, aDeliveryCreatedV1({ orderId, consumerId, restaurantId }), orderId, 1, at(PLACED_AT, 450)),
    courierAssigned: event(deliveryCourierAssignedV1, aDeliveryCourierAssignedV1({ orderId, restaurantId, courierId, readyBy: READY_BY }), orderId, 2, at(PLACED_AT, 60_100)),
  };
}

/**
 * After the story's ticket is READY_FOR_PICKUP: picked up (the delivery at 3, the ticket at 6),
 * delivered (4) and the payment captured. The capture comes from a per-order payment stream
 * (aggregate: the order, version 1), as accounting may number it: lower than the account's 2.
 */
export function delivered(story: OrderStory, courierId: string) {
  const { orderId, consumerId, restaurantId } = story;
  const amountCents = (story.steps.orderCreated.payload as { orderTotalCents: number }).orderTotalCents;
  return {
    deliveryPickedUp: event(deliveryPickedUpV1, aDeliveryPickedUpV1({ orderId, restaurantId, courierId }), orderId, 3, at(PLACED_AT, 1_600_000)),
    ticketPickedUp: event(ticketPickedUpV1, aTicketPickedUpV1({ orderId, restaurantId }), orderId, 6, at(PLACED_AT, 1_600_100)),
    deliveryDelivered: event(deliveryDeliveredV1, aDeliveryDeliveredV1({ orderId, restaurantId, courierId }), orderId, 4, at(PLACED_AT, 2_400_000)),
    paymentCaptured: event(paymentCapturedV1, aPaymentCapturedV1({ orderId, consumerId, amountCents }), orderId, 1, at(PLACED_AT, 2_400_100)),
  };
}

/** A cancellation before cooking (after the ticket was accepted at 3): requested, the ticket cancelled, the order cancelled, the hold voided, the delivery cancelled. */
export function cancelled(story: OrderStory, courierId: string) {
  const { orderId, consumerId, restaurantId } = story;
  const amountCents = (story.steps.orderCreated.payload as { orderTotalCents: number }).orderTotalCents;
  return {
    cancelRequested: event(orderCancelRequestedV1, anOrderCancelRequestedV1({ orderId, consumerId, restaurantId }), orderId, 3, at(PLACED_AT, 70_000)),
    ticketCancelled: event(ticketCancelledV1, aTicketCancelledV1({ orderId, restaurantId, reason: 'order cancelled' }), orderId, 4, at(PLACED_AT, 70_100)),
    orderCancelled: event(orderCancelledV1, anOrderCancelledV1({ orderId, consumerId, restaurantId }), orderId, 4, at(PLACED_AT, 70_200)),
    paymentVoided: event(paymentVoidedV1, aPaymentVoidedV1({ orderId, consumerId, amountCents }), consumerId, 3, at(PLACED_AT, 70_300)),
    deliveryCancelled: event(deliveryCancelledV1, aDeliveryCancelledV1({ orderId, restaurantId, courierId }), orderId, 3, at(PLACED_AT, 70_400)),
  };
}

/** Revision 1 to `lineItems`, accepted by the kitchen (ticket at 4, after accepted at 3) and accounting: the order APPROVED with them. */
export function revised(story: OrderStory, lineItems: OrderLineItemV1[]) {
  const { orderId, consumerId, restaurantId } = story;
  const orderTotalCents = lineItems.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);
  const previousAmountCents = (story.steps.orderCreated.payload as { orderTotalCents: number }).orderTotalCents;
  const proposal = { orderId, consumerId, restaurantId, revision: 1, lineItems, orderTotalCents };
  const ticketLines = lineItems.map(({ menuItemId, name, quantity }) => ({ menuItemId, name, quantity }));
  return {
    revisionProposed: event(orderRevisionProposedV1, anOrderRevisionProposedV1(proposal), orderId, 3, at(PLACED_AT, 80_000)),
    ticketRevised: event(ticketRevisedV1, aTicketRevisedV1({ orderId, restaurantId, revision: 1, lineItems: ticketLines }), orderId, 4, at(PLACED_AT, 80_100)),
    paymentRevised: event(
      paymentRevisedV1,
      aPaymentRevisedV1({ orderId, consumerId, revision: 1, amountCents: orderTotalCents, previousAmountCents }),
      consumerId,
      3,
      at(PLACED_AT, 80_200),
    ),
    orderRevised: event(orderRevisedV1, anOrderRevisedV1(proposal), orderId, 4, at(PLACED_AT, 80_300)),
  };
}
