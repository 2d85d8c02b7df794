// A real kitchen service for component tests: the real AppModule (HTTP, relay and JetStream
// consumers) on a fresh database and a NATS subject prefix of its own, plus what a test needs
// to stand in for its neighbours: publishing their contract fixtures the way their relays do,
// and collecting everything the kitchen publishes.
import { ComponentApp, PublishedMessage, publishedFor, startComponentApp } from '@brigade/component-testing';
import { Contract } from '@brigade/contracts/core';
import { deliveryContext } from '@brigade/contracts/delivery';
import { kitchenContext } from '@brigade/contracts/kitchen';
import { ordersContext } from '@brigade/contracts/orders';
import { restaurantsContext } from '@brigade/contracts/restaurants';
import { ConsumerOutcomeReport, JetStreamServer } from '@brigade/messaging';
import { eventually } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';

export { call } from '@brigade/component-testing';
export type { HttpAnswer, PublishedMessage } from '@brigade/component-testing';

export interface NeighbourEvent {
  /** Brigade-Aggregate-Id: the producer's stream id (restaurantId, orderId). */
  readonly aggregateId: string;
  /** Brigade-Stream-Version. */
  readonly version?: number;
  /** Brigade-Event-Id; a fresh one by default. */
  readonly eventId?: string;
  /** Nats-Msg-Id; the event id by default (a different one slips past JetStream's duplicate window, as a re-publish may). */
  readonly msgId?: string;
}

export interface KitchenApp extends Omit<ComponentApp, 'publish'> {
  /** Every outcome the kitchen's consumers reported (processed, duplicate, rejected...). */
  readonly outcomes: ConsumerOutcomeReport[];
  /** Publishes a neighbour's contract payload (validated first) with the headers its relay would set; answers the event id. */
  publish<T>(contract: Contract<T>, payload: T, event: NeighbourEvent): Promise<string>;
  /** The messages published for `orderId`, once `count` of them have arrived. */
  publishedFor(orderId: string, count: number): Promise<PublishedMessage[]>;
  /** Resolves when a consumer has finished with this event (any outcome). */
  consumed(eventId: string): Promise<ConsumerOutcomeReport>;
}

export async function startKitchenApp(): Promise<KitchenApp> {
  const outcomes: ConsumerOutcomeReport[] = [];
  const app = await startComponentApp({
    app: 'kitchen',
    context: kitchenContext,
    neighbours: [restaurantsContext, ordersContext, deliveryContext],
    module: AppModule,
    consumers: true,
    connectMicroservices: (created) => created.get(JetStreamServer).on('outcome', (report) => outcomes.push(report)),
  });
  return {
    ...app,
    outcomes,
    publish(contract, payload, event) {
      const eventId = event.eventId ?? randomUUID();
      return app.publish({
        subject: contract.subject,
        payload: contract.parse(payload) as object,
        aggregateId: event.aggregateId,
        eventId,
        msgId: event.msgId ?? eventId,
        streamVersion: event.version,
        correlationId: `corr-${event.aggregateId}`,
      });
    },
    publishedFor: (orderId, count) => publishedFor(app.published, orderId, count),
    consumed(eventId) {
      return eventually(() => {
        const report = outcomes.find((o) => o.eventId === eventId);
        if (!report) throw new Error(`event ${eventId} not consumed yet`);
        return report;
      });
    },
  };
}
