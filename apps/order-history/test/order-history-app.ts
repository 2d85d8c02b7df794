// A real order-history service for component tests: the real AppModule (HTTP and the six
// durables) on a fresh database, a NATS subject prefix and Redis key prefix of its own (Redis at
// REDIS_URL's default unless the test gives its own server), plus what a test needs to
// stand in for the other contexts: publishing their contract fixtures with the headers their
// relays set, including the time the event occurred (the timeline and the history's order come
// from it, so tests choose it), and knowing when the service has finished with each event.
// A test may restart the service: another app on the same database, namespace and Redis prefix.
import { ComponentApp, ComponentAppOptions, componentAppOf, startComponentApp } from '@brigade/component-testing';
import { accountingContext } from '@brigade/contracts/accounting';
import { consumersContext } from '@brigade/contracts/consumers';
import { Contract } from '@brigade/contracts/core';
import { deliveryContext } from '@brigade/contracts/delivery';
import { kitchenContext } from '@brigade/contracts/kitchen';
import { ordersContext } from '@brigade/contracts/orders';
import { restaurantsContext } from '@brigade/contracts/restaurants';
import { ConsumerOutcomeReport, Headers, JetStreamServer, prefixed } from '@brigade/messaging';
import { eventually } from '@brigade/testing';
import { headers } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';

export { call } from '@brigade/component-testing';
export type { HttpAnswer } from '@brigade/component-testing';

/**
 * The order view's version on a fresh database: the migrations create version 1, and the one that
 * gave the view its lifecycle shape (1700000007500) made version 2 of it. A rebuild makes the next.
 */
export const ORDER_VIEW_VERSION = 2;
export const orderTablesOf = (version: number) => ({ orders: `oh_orders_v${version}`, timeline: `oh_order_timeline_v${version}` });

/** One event of another context, as its relay would publish it. */
export interface NeighbourEvent<T = unknown> {
  readonly contract: Contract<T>;
  readonly payload: T;
  /** Brigade-Aggregate-Id: the producer's stream id (orderId, consumerId, restaurantId). */
  readonly aggregateId: string;
  /** Brigade-Stream-Version. */
  readonly version: number;
  /** Brigade-Occurred-At. */
  readonly occurredAt: string;
  /** Brigade-Event-Id. */
  readonly eventId: string;
}

export interface OrderHistoryApp extends ComponentApp {
  /** The REDIS_KEY_PREFIX the app was given (unique to this app). */
  readonly redisKeyPrefix: string;
  /** Every outcome the consumers reported (processed, duplicate...). */
  readonly outcomes: ConsumerOutcomeReport[];
  /**
   * Publishes the event (its payload checked against the contract first) and waits until the
   * service has finished with this copy. `msgId` defaults to a fresh one, so a second delivery
   * of the same event id gets past JetStream's duplicate window, as a re-publish may.
   */
  deliver(event: NeighbourEvent, msgId?: string): Promise<ConsumerOutcomeReport>;
  /** Publishes the event as its relay would, without waiting for the service (traffic, bulk seeding). */
  publishEvent(event: NeighbourEvent, msgId?: string): Promise<void>;
  /**
   * A restart: closes this app gracefully (Nest's shutdown hooks run) and starts another on the
   * same database, streams, durables and Redis prefix; answers it. `outcomes` go on in the same
   * array. Use the answer from then on (close() it, not this one).
   */
  restart(): Promise<OrderHistoryApp>;
}

export async function startOrderHistoryApp(options: { redisUrl?: string; env?: Record<string, string> } = {}): Promise<OrderHistoryApp> {
  const outcomes: ConsumerOutcomeReport[] = [];
  const redisKeyPrefix = `test:${randomUUID()}:`;
  const appOptions: ComponentAppOptions = {
    module: AppModule,
    consumers: true,
    env: { REDIS_KEY_PREFIX: redisKeyPrefix, ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}), ...options.env },
    connectMicroservices: (created) => created.get(JetStreamServer).on('outcome', (report) => outcomes.push(report)),
  };
  const app = await startComponentApp({
    app: 'order-history',
    context: 'order-history',
    neighbours: [restaurantsContext, consumersContext, ordersContext, kitchenContext, accountingContext, deliveryContext],
    ...appOptions,
  });
  return orderHistoryApp(app, { appOptions, outcomes, redisKeyPrefix });
}

interface Running {
  readonly appOptions: ComponentAppOptions;
  readonly outcomes: ConsumerOutcomeReport[];
  readonly redisKeyPrefix: string;
}

function orderHistoryApp(app: ComponentApp, running: Running): OrderHistoryApp {
  const { outcomes, redisKeyPrefix } = running;
  const { js, namespace } = app.environment;
  const publishEvent = async (event: NeighbourEvent, msgId: string = randomUUID()): Promise<void> => {
    const h = headers();
    h.set(Headers.EventId, event.eventId);
    h.set(Headers.AggregateId, event.aggregateId);
    h.set(Headers.StreamVersion, String(event.version));
    h.set(Headers.OccurredAt, event.occurredAt);
    h.set(Headers.CorrelationId, event.aggregateId);
    h.set(Headers.Actor, JSON.stringify({ id: 'tester', role: 'admin' }));
    const payload = JSON.stringify(event.contract.parse(event.payload));
    await js.publish(prefixed(namespace, event.contract.subject), payload, { msgID: msgId, headers: h });
  };
  return {
    ...app,
    redisKeyPrefix,
    outcomes,
    publishEvent,
    async deliver(event, msgId = randomUUID()) {
      const seen = outcomes.filter((o) => o.eventId === event.eventId).length;
      await publishEvent(event, msgId);
      return eventually(() => {
        const own = outcomes.filter((o) => o.eventId === event.eventId);
        if (own.length <= seen) throw new Error(`${event.contract.subject} ${event.eventId} not consumed yet`);
        return own[own.length - 1];
      });
    },
    async restart() {
      await app.environment.stopApp(app.nest);
      const nest = await app.environment.startApp(running.appOptions);
      return orderHistoryApp(await componentAppOf(app.environment, nest), running);
    },
  };
}
