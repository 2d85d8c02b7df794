import {
  consumerOrderValidatedV1,
  consumerOrderValidatedV1Subject,
  consumerOrderValidationFailedV1,
  consumerOrderValidationFailedV1Subject,
  consumerRegisteredV1,
  consumerRegisteredV1Subject,
} from '@brigade/contracts/consumers';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ConsumerDirectory } from '../../projections/consumer-directory/consumer-directory';
import { OrderView } from '../../projections/order-view/order-view';
import { positionOf } from '../../projections/stream-position';

/** Durable `order-history--consumers`: consumers' names, and their verdicts on orders (timeline entries). */
const CONSUMERS = { handler: 'consumers' };

@Controller()
export class ConsumerEventsConsumer {
  constructor(
    private readonly consumers: ConsumerDirectory,
    private readonly orders: OrderView,
  ) {}

  @EventPattern(consumerRegisteredV1Subject, CONSUMERS)
  async onRegistered(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.consumers.registered(consumerRegisteredV1.parse(payload), positionOf(ctx));
  }

  @EventPattern(consumerOrderValidatedV1Subject, CONSUMERS)
  async onOrderValidated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId } = consumerOrderValidatedV1.parse(payload);
    await this.orders.noted({ orderId, consumerId }, positionOf(ctx));
  }

  @EventPattern(consumerOrderValidationFailedV1Subject, CONSUMERS)
  async onOrderValidationFailed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId } = consumerOrderValidationFailedV1.parse(payload);
    await this.orders.noted({ orderId, consumerId }, positionOf(ctx));
  }
}
