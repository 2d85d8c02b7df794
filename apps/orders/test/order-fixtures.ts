// Fixtures for the orders component tests: request bodies (valid unless overridden) and the
// neighbours' messages as their relays would publish them.
import { aConsumerOrderValidatedV1, aConsumerOrderValidationFailedV1, consumerOrderValidatedV1Subject, consumerOrderValidationFailedV1Subject } from '@brigade/contracts/consumers';
import {
  aPaymentAuthorizedV1,
  aPaymentDeclinedV1,
  aPaymentRevisedV1,
  aPaymentRevisionDeclinedV1,
  paymentAuthorizedV1Subject,
  paymentDeclinedV1Subject,
  paymentRevisedV1Subject,
  paymentRevisionDeclinedV1Subject,
} from '@brigade/contracts/accounting';
import { aDeliveryDeliveredV1, aDeliveryPickedUpV1, deliveryDeliveredV1Subject, deliveryPickedUpV1Subject } from '@brigade/contracts/delivery';
import {
  aTicketCancelledV1,
  aTicketCancelRefusedV1,
  aTicketCreatedV1,
  aTicketPreparingV1,
  aTicketReadyForPickupV1,
  aTicketRejectedV1,
  aTicketRevisedV1,
  aTicketRevisionRefusedV1,
  ticketCancelledV1Subject,
  ticketCancelRefusedV1Subject,
  ticketRevisedV1Subject,
  ticketRevisionRefusedV1Subject,
  ticketCreatedV1Subject,
  ticketPreparingV1Subject,
  ticketReadyForPickupV1Subject,
  ticketRejectedV1Subject,
} from '@brigade/contracts/kitchen';
import {
  aRestaurantClosedV1,
  aRestaurantCreatedV1,
  aRestaurantMenuRevisedV1,
  aRestaurantOpenedV1,
  MenuItemV1,
  restaurantClosedV1Subject,
  restaurantCreatedV1Subject,
  restaurantMenuRevisedV1Subject,
  restaurantOpenedV1Subject,
} from '@brigade/contracts/restaurants';
import { randomUUID } from 'node:crypto';
import { OrdersTestEnvironment } from './orders-environment';

export const CONSUMER_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01';
export const VINDALOO = '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01';
export const NAAN = '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c02';

export const aCreateOrderBody = (restaurantId: string, overrides: Record<string, unknown> = {}) => ({
  consumerId: CONSUMER_ID,
  restaurantId,
  lineItems: [
    { menuItemId: VINDALOO, quantity: 2 },
    { menuItemId: NAAN, quantity: 1 },
  ],
  deliveryAddress: { street1: '9 Elm Street', city: 'Oakland', zip: '94612' },
  ...overrides,
});

/** The restaurants relay's side of things: each call is the restaurant's next event (its stream version, in the header and the payload). */
export class RestaurantFeed {
  private version = 0;
  readonly restaurantId = randomUUID();

  constructor(private readonly env: OrdersTestEnvironment) {}

  created(menu?: MenuItemV1[]): Promise<string> {
    return this.next(restaurantCreatedV1Subject, aRestaurantCreatedV1({ restaurantId: this.restaurantId, ...(menu ? { menu } : {}) }));
  }

  opened(): Promise<string> {
    return this.next(restaurantOpenedV1Subject, aRestaurantOpenedV1({ restaurantId: this.restaurantId }));
  }

  closed(): Promise<string> {
    return this.next(restaurantClosedV1Subject, aRestaurantClosedV1({ restaurantId: this.restaurantId }));
  }

  menuRevised(menu: MenuItemV1[]): Promise<string> {
    return this.next(restaurantMenuRevisedV1Subject, aRestaurantMenuRevisedV1({ restaurantId: this.restaurantId, menu }));
  }

  private next(subject: string, payload: object): Promise<string> {
    const version = ++this.version;
    return this.env.publish(subject, { ...payload, version }, { aggregateId: this.restaurantId, streamVersion: version });
  }
}

/**
 * The participants' verdicts, each on its own context's stream, keyed as their relays key them.
 * Each names what its contract names about the order (the consumer, the restaurant, the amount
 * held): the example consumer and total of aCreateOrderBody, and the restaurant given.
 */
export const verdicts = {
  consumerYes: (orderId: string) => ({ subject: consumerOrderValidatedV1Subject, payload: aConsumerOrderValidatedV1({ orderId }), aggregateId: `order-validation-${orderId}` }),
  consumerNo: (orderId: string, reason: string) => ({
    subject: consumerOrderValidationFailedV1Subject,
    payload: aConsumerOrderValidationFailedV1({ orderId, reason }),
    aggregateId: `order-validation-${orderId}`,
  }),
  kitchenYes: (orderId: string, restaurantId: string) => ({ subject: ticketCreatedV1Subject, payload: aTicketCreatedV1({ orderId, restaurantId }), aggregateId: orderId }),
  kitchenNo: (orderId: string, reason: string, restaurantId: string) => ({
    subject: ticketRejectedV1Subject,
    payload: aTicketRejectedV1({ orderId, reason, restaurantId }),
    aggregateId: orderId,
  }),
  paymentYes: (orderId: string) => ({ subject: paymentAuthorizedV1Subject, payload: aPaymentAuthorizedV1({ orderId }), aggregateId: `payment-${orderId}` }),
  paymentNo: (orderId: string, reason: string) => ({ subject: paymentDeclinedV1Subject, payload: aPaymentDeclinedV1({ orderId, reason }), aggregateId: `payment-${orderId}` }),
};

export type VerdictMessage = ReturnType<(typeof verdicts)[keyof typeof verdicts]>;

export function sendVerdict(env: OrdersTestEnvironment, verdict: VerdictMessage, options: { eventId?: string; correlationId?: string } = {}): Promise<string> {
  return env.publish(verdict.subject, verdict.payload, { aggregateId: verdict.aggregateId, streamVersion: 1, ...options });
}

/** The kitchen's progress on a ticket (keyed by the order id, as the kitchen's relay keys it), with the ticket's stream version. */
export const kitchenProgress = {
  preparing: (orderId: string, restaurantId: string) => ({
    subject: ticketPreparingV1Subject,
    payload: aTicketPreparingV1({ orderId, restaurantId }),
    aggregateId: orderId,
    streamVersion: 4,
  }),
  readyForPickup: (orderId: string, restaurantId: string) => ({
    subject: ticketReadyForPickupV1Subject,
    payload: aTicketReadyForPickupV1({ orderId, restaurantId }),
    aggregateId: orderId,
    streamVersion: 5,
  }),
};

export type KitchenProgressMessage = ReturnType<(typeof kitchenProgress)[keyof typeof kitchenProgress]>;

export function sendKitchenProgress(env: OrdersTestEnvironment, message: KitchenProgressMessage, options: { eventId?: string } = {}): Promise<string> {
  const { subject, payload, ...headers } = message;
  return env.publish(subject, payload, { ...headers, ...options });
}

/** The answers to a change of an approved order: the kitchen's (keyed by order) and accounting's (keyed by consumer). */
export const changeAnswers = {
  ticketCancelled: (orderId: string, restaurantId: string) => ({
    subject: ticketCancelledV1Subject,
    payload: aTicketCancelledV1({ orderId, restaurantId, reason: 'order cancelled' }),
    aggregateId: orderId,
  }),
  cancelRefused: (orderId: string, reason: string, restaurantId: string) => ({
    subject: ticketCancelRefusedV1Subject,
    payload: aTicketCancelRefusedV1({ orderId, reason, restaurantId }),
    aggregateId: orderId,
  }),
  ticketRevised: (orderId: string, revision: number, restaurantId: string) => ({
    subject: ticketRevisedV1Subject,
    payload: aTicketRevisedV1({ orderId, revision, restaurantId, lineItems: [{ menuItemId: VINDALOO, name: 'Chicken Vindaloo', quantity: 3 }] }),
    aggregateId: orderId,
  }),
  revisionRefused: (orderId: string, revision: number, reason: string, restaurantId: string) => ({
    subject: ticketRevisionRefusedV1Subject,
    payload: aTicketRevisionRefusedV1({ orderId, revision, reason, restaurantId }),
    aggregateId: orderId,
  }),
  paymentRevised: (orderId: string, revision: number, amountCents: number) => ({
    subject: paymentRevisedV1Subject,
    payload: aPaymentRevisedV1({ orderId, revision, amountCents, previousAmountCents: 2997 }),
    aggregateId: `payment-${orderId}`,
  }),
  paymentRevisionDeclined: (orderId: string, revision: number, reason: string) => ({
    subject: paymentRevisionDeclinedV1Subject,
    payload: aPaymentRevisionDeclinedV1({ orderId, revision, reason }),
    aggregateId: `payment-${orderId}`,
  }),
  pickedUp: (orderId: string, restaurantId: string) => ({ subject: deliveryPickedUpV1Subject, payload: aDeliveryPickedUpV1({ orderId, restaurantId }), aggregateId: orderId }),
  delivered: (orderId: string, restaurantId: string) => ({
    subject: deliveryDeliveredV1Subject,
    payload: aDeliveryDeliveredV1({ orderId, restaurantId }),
    aggregateId: orderId,
  }),
};

export type ChangeAnswer = ReturnType<(typeof changeAnswers)[keyof typeof changeAnswers]>;

export function sendAnswer(env: OrdersTestEnvironment, answer: ChangeAnswer, options: { eventId?: string } = {}): Promise<string> {
  return env.publish(answer.subject, answer.payload, { aggregateId: answer.aggregateId, streamVersion: 1, ...options });
}
