// A real accounting service for component tests: the real AppModule (HTTP, relay and JetStream
// consumers) on a fresh database and a NATS subject prefix of its own, listening on a free port;
// plus a publisher standing in for the consumers and orders contexts (messages shaped like the
// relay's) and a collector of everything accounting publishes.
import { ComponentApp, startComponentApp } from '@brigade/component-testing';
import { accountingContext } from '@brigade/contracts/accounting';
import { consumersContext } from '@brigade/contracts/consumers';
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
  /** The types of the events stored on one account's stream (its consumerId), in order. */
  storedEventTypes(consumerId: string): Promise<string[]>;
}

export async function startAccountingApp(): Promise<AccountingApp> {
  const app = await startComponentApp({
    app: 'accounting',
    context: accountingContext,
    neighbours: [consumersContext, ordersContext],
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
    storedEventTypes: async (consumerId) => (await new EventStore(app.dataSource).readStream(consumerId)).map((e) => e.type),
  };
}
