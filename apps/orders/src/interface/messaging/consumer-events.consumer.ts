import {
  consumerOrderValidatedV1,
  consumerOrderValidatedV1Subject,
  consumerOrderValidationFailedV1,
  consumerOrderValidationFailedV1Subject,
} from '@brigade/contracts/consumers';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RecordVerdict } from '../../application/create-order-saga/record-verdict.command';
import { causedBy, ORDER_LANE, verdictOf } from './order-messages';

const CONSUMER_VERDICTS = { handler: 'consumer-verdicts', lane: ORDER_LANE };

/**
 * The consumers context's verdict on a new order, fed to its CreateOrder saga in the transaction
 * that writes the message's inbox row (a redelivery never counts twice). A payload that breaks
 * its contract is parked at once, never silently dropped; so is a verdict naming another consumer
 * than the order's (the saga refuses it).
 */
@Controller()
export class ConsumerEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(consumerOrderValidatedV1Subject, CONSUMER_VERDICTS)
  async onValidated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId } = consumerOrderValidatedV1.parse(payload);
    await this.commands.execute(new RecordVerdict(orderId, 'consumer', verdictOf(null), { consumerId }, causedBy(ctx)));
  }

  @EventPattern(consumerOrderValidationFailedV1Subject, CONSUMER_VERDICTS)
  async onValidationFailed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, reason } = consumerOrderValidationFailedV1.parse(payload);
    await this.commands.execute(new RecordVerdict(orderId, 'consumer', verdictOf(reason), { consumerId }, causedBy(ctx)));
  }
}
