// A real consumers service for component tests: the real AppModule (HTTP, relay and the
// order-validation consumer) on a fresh database and a NATS subject prefix of its own, listening
// on a free port, collecting everything it publishes, plus a publisher standing in for orders.
import { ComponentApp, startComponentApp } from '@brigade/component-testing';
import { consumersContext } from '@brigade/contracts/consumers';
import { identityContext } from '@brigade/contracts/identity';
import { OrderCreatedV1, orderCreatedV1Subject, ordersContext } from '@brigade/contracts/orders';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';

export { call } from '@brigade/component-testing';
export type { HttpAnswer, PublishedMessage } from '@brigade/component-testing';

export const APP = 'consumers';
/** The durable that reads orders.order.created.v1: `<app>--<handler>`. */
export const ORDER_VALIDATION_DURABLE = `${APP}--order-validation`;

export interface OrderCreatedMessage {
  /** Brigade-Event-Id; a fresh one unless the test replays an event. */
  readonly eventId?: string;
  /** Nats-Msg-Id; the event id unless the test re-publishes a copy past JetStream's duplicate check. */
  readonly msgId?: string;
}

export interface ConsumersApp extends ComponentApp {
  /** Publishes an orders.order.created.v1 as the orders relay would; resolves with its event id. */
  publishOrderCreated(order: OrderCreatedV1, message?: OrderCreatedMessage): Promise<string>;
  /** Resolves once the order-validation durable has acked everything on the orders stream. */
  orderEventsDrained(): Promise<void>;
  /** Messages stored on the orders stream (to see a re-published copy was not dropped as a duplicate). */
  orderMessageCount(): Promise<number>;
}

export async function startConsumersApp(): Promise<ConsumersApp> {
  const app = await startComponentApp({ app: APP, context: consumersContext, neighbours: [ordersContext, identityContext], module: AppModule, consumers: true });
  const { jsm } = app.environment;
  const ordersStream = app.environment.streamName(ordersContext);
  return {
    ...app,
    publishOrderCreated: async (order, message = {}) => {
      const eventId = message.eventId ?? randomUUID();
      return app.publish({
        subject: orderCreatedV1Subject,
        payload: order,
        aggregateId: order.orderId,
        eventId,
        msgId: message.msgId ?? eventId,
        eventType: 'OrderCreated',
        streamVersion: 1,
        correlationId: `corr-${order.orderId}`,
        actor: { id: order.consumerId, role: 'consumer' },
      });
    },
    orderEventsDrained: async () => {
      const info = await jsm.consumers.info(ordersStream, ORDER_VALIDATION_DURABLE);
      if (info.num_pending > 0 || info.num_ack_pending > 0) {
        throw new Error(`${ORDER_VALIDATION_DURABLE}: ${info.num_pending} pending, ${info.num_ack_pending} unacked`);
      }
    },
    orderMessageCount: async () => (await jsm.streams.info(ordersStream)).state.messages,
  };
}
