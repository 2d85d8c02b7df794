/**
 * The event log the views benchmark replays: orders placed by a pool of consumers at a pool of
 * restaurants, each going the happy path as the other contexts would publish it (contract
 * fixtures, the headers of their relays, stream versions numbered per producer stream, the
 * times they occurred). Nine events per order reach the order view's sources (orders, kitchen,
 * accounting, consumers), plus one registration per consumer and one creation per restaurant.
 */
import { aPaymentAuthorizedV1, paymentAuthorizedV1Subject } from '@brigade/contracts/accounting';
import { aConsumerOrderValidatedV1, aConsumerRegisteredV1, consumerOrderValidatedV1Subject, consumerRegisteredV1Subject } from '@brigade/contracts/consumers';
import {
  aTicketAcceptedV1,
  aTicketConfirmedV1,
  aTicketCreatedV1,
  aTicketPreparingV1,
  aTicketReadyForPickupV1,
  ticketAcceptedV1Subject,
  ticketConfirmedV1Subject,
  ticketCreatedV1Subject,
  ticketPreparingV1Subject,
  ticketReadyForPickupV1Subject,
} from '@brigade/contracts/kitchen';
import { anOrderApprovedV1, anOrderCreatedV1, orderApprovedV1Subject, orderCreatedV1Subject } from '@brigade/contracts/orders';
import { aRestaurantCreatedV1, restaurantCreatedV1Subject } from '@brigade/contracts/restaurants';
import type { FixtureEvent } from '@brigade/component-testing';
import { randomUUID } from 'node:crypto';
import { DISHES, Random, restaurantName } from './views-vocabulary';

/** One producer's events in the order its stream holds them; the log is published stream by stream in parallel. */
export interface EventLog {
  /** Events that must be published one after another (one aggregate's, or one context's registrations). */
  readonly sequences: readonly FixtureEvent[][];
  /** How many of them the order view's rebuild replays (everything but the restaurants' events). */
  readonly orderViewEvents: number;
  readonly total: number;
}

const STARTED_AT = Date.parse('2026-11-01T12:00:00.000Z');
const at = (ms: number): string => new Date(ms).toISOString();

export function eventLog(orders: number, consumers: number, restaurants: number, random: Random): EventLog {
  const restaurantPool = Array.from({ length: restaurants }, () => ({
    restaurantId: randomUUID(),
    name: restaurantName(random),
    menu: random.sample(DISHES, 10).map((name) => ({ menuItemId: randomUUID(), name, priceCents: random.int(500, 3000) })),
  }));
  const consumerPool = Array.from({ length: consumers }, () => ({ consumerId: randomUUID(), version: 1, accountVersion: 1 }));
  const registrations: FixtureEvent[] = consumerPool.map(({ consumerId }) => ({
    subject: consumerRegisteredV1Subject,
    payload: aConsumerRegisteredV1({ consumerId }),
    aggregateId: consumerId,
    streamVersion: 1,
    occurredAt: at(STARTED_AT - 86_400_000),
  }));
  const creations: FixtureEvent[] = restaurantPool.map(({ restaurantId, name, menu }) => ({
    subject: restaurantCreatedV1Subject,
    payload: aRestaurantCreatedV1({ restaurantId, name, menu }),
    aggregateId: restaurantId,
    streamVersion: 1,
    occurredAt: at(STARTED_AT - 86_400_000),
  }));

  const sequences: FixtureEvent[][] = [creations, registrations];
  for (let i = 0; i < orders; i++) {
    const consumer = consumerPool[i % consumers];
    const restaurant = random.pick(restaurantPool);
    const orderId = randomUUID();
    const { consumerId } = consumer;
    const { restaurantId } = restaurant;
    const lineItems = random.sample(restaurant.menu, random.int(1, 3)).map((item) => ({ ...item, quantity: random.int(1, 3) }));
    const orderTotalCents = lineItems.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);
    const placedAt = STARTED_AT + i * 60_000;
    const ticket = { orderId, restaurantId };
    // The consumer's and the account's streams grow with every order of the consumer.
    consumer.version += 1;
    consumer.accountVersion += 1;
    const e = (subject: string, payload: object, aggregateId: string, streamVersion: number, offsetMs: number): FixtureEvent => ({
      subject,
      payload,
      aggregateId,
      streamVersion,
      correlationId: orderId,
      occurredAt: at(placedAt + offsetMs),
    });
    sequences.push([
      e(orderCreatedV1Subject, anOrderCreatedV1({ orderId, consumerId, restaurantId, lineItems, orderTotalCents }), orderId, 1, 0),
      e(consumerOrderValidatedV1Subject, aConsumerOrderValidatedV1({ orderId, consumerId }), consumerId, consumer.version, 100),
      e(ticketCreatedV1Subject, aTicketCreatedV1(ticket), orderId, 1, 200),
      e(paymentAuthorizedV1Subject, aPaymentAuthorizedV1({ orderId, consumerId, amountCents: orderTotalCents }), consumerId, consumer.accountVersion, 300),
      e(orderApprovedV1Subject, anOrderApprovedV1({ orderId, consumerId, restaurantId, orderTotalCents }), orderId, 2, 400),
      e(ticketConfirmedV1Subject, aTicketConfirmedV1(ticket), orderId, 2, 500),
      e(ticketAcceptedV1Subject, aTicketAcceptedV1({ ...ticket, readyBy: at(placedAt + 1_800_000) }), orderId, 3, 60_000),
      e(ticketPreparingV1Subject, aTicketPreparingV1(ticket), orderId, 4, 120_000),
      e(ticketReadyForPickupV1Subject, aTicketReadyForPickupV1(ticket), orderId, 5, 1_500_000),
    ]);
  }
  const total = sequences.reduce((sum, sequence) => sum + sequence.length, 0);
  return { sequences, orderViewEvents: total - creations.length, total };
}
