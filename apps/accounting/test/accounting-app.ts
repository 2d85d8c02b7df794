// A real accounting service for component tests: the real AppModule (HTTP, relay and JetStream
// consumers) on a fresh database and a NATS subject prefix of its own, listening on a free port;
// plus a publisher standing in for the consumers, orders and delivery contexts (messages shaped
// like the relay's) and a collector of everything accounting publishes.
import { ComponentApp, startComponentApp } from '@brigade/component-testing';
import { accountingContext } from '@brigade/contracts/accounting';
import { consumersContext } from '@brigade/contracts/consumers';
import { deliveryContext } from '@brigade/contracts/delivery';
import { ordersContext } from '@brigade/contracts/orders';
import { EventStore } from '@brigade/event-store';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';

export { call } from '@brigade/component-testing';
export type { HttpAnswer, PublishedMessage } from '@brigade/component-testing';

/** A neighbour's event as its relay would publish it; `eventId` defaults to a fresh one. */
export interface NeighbourEvent {
  readonly subject: string;
  readonly payload: object;
  readonly aggregateId: string;
  readonly eventId?: string;
}

export interface AccountingApp extends ComponentApp {
  /** Publishes on the producing context's stream (namespaced); answers the event id. */
  publish(event: NeighbourEvent): Promise<string>;
  /** The types of the events stored on one stream, in order: an account's (its consumerId) or a payment's (paymentStream(orderId)). */
  storedEventTypes(streamId: string): Promise<string[]>;
}

export async function startAccountingApp(): Promise<AccountingApp> {
  const app = await startComponentApp({
    app: 'accounting',
    context: accountingContext,
    neighbours: [consumersContext, ordersContext, deliveryContext],
    module: AppModule,
    consumers: true,
  });
  return {
    ...app,
    // A fresh Nats-Msg-Id on every call (the fixture's default), so publishing one event twice
    // reaches the consumer twice: only the inbox and the decider stop it.
    publish: (event) => {
      const eventId = event.eventId ?? randomUUID();
      return app.publish({ ...event, eventId, correlationId: eventId });
    },
    storedEventTypes: async (streamId) => (await new EventStore(app.dataSource).readStream(streamId)).map((e) => e.type),
  };
}

/** The stream of an order's Payment (as infrastructure/payment-command-runner names it). */
export const paymentStream = (orderId: string): string => `payment-${orderId}`;
