import { consumerOrderValidatedV1Subject, consumerOrderValidationFailedV1Subject, consumerRegisteredV1Subject } from '@brigade/contracts/consumers';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ConsumerDirectory } from '../../projections/consumer-directory/consumer-directory';
import { OrderView } from '../../projections/order-view/order-view';

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
    await this.consumers.applyEvent(ctx, payload);
  }

  @EventPattern(consumerOrderValidatedV1Subject, CONSUMERS)
  async onOrderValidated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(consumerOrderValidationFailedV1Subject, CONSUMERS)
  async onOrderValidationFailed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }
}
