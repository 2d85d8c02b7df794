// Object mothers: one order's life across the contexts, as contract fixtures with fresh ids,
// stream versions as each producer would number them, and the times they occurred.
import { aPaymentAuthorizedV1, paymentAuthorizedV1 } from '@brigade/contracts/accounting';
import { aConsumerOrderValidatedV1, aConsumerRegisteredV1, consumerOrderValidatedV1, consumerRegisteredV1 } from '@brigade/contracts/consumers';
import {
  aTicketAcceptedV1,
  aTicketConfirmedV1,
  aTicketCreatedV1,
  aTicketPreparingV1,
  aTicketReadyForPickupV1,
  ticketAcceptedV1,
  ticketConfirmedV1,
  ticketCreatedV1,
  ticketPreparingV1,
  ticketReadyForPickupV1,
} from '@brigade/contracts/kitchen';
import {
  anOrderApprovedV1,
  anOrderCreatedV1,
  anOrderRejectedV1,
  OrderLineItemV1,
  orderApprovedV1,
  orderCreatedV1,
  orderRejectedV1,
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
  return event(restaurantMenuRevisedV1, aRestaurantMenuRevisedV1({ restaurantId, menu }), restaurantId, version, occurredAt);
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
  readonly consumerId = randomUUID();
  readonly restaurantId = randomUUID();
  readonly steps: Readonly<Record<StepName, NeighbourEvent>>;

  constructor() {
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

