import { consumerRegisteredV1, ConsumerRegisteredV1, consumerRegisteredV1Subject } from '@brigade/contracts/consumers';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { OpenAccount } from '../../application/open-account/open-account.command';

/**
 * Durable `accounting--account-opening` on the CONSUMERS stream: every registered consumer gets
 * an account. Runs in the inbox's transaction, so the account is opened exactly once per event;
 * a payload breaking its contract is parked at once (never silently dropped).
 */
@Controller()
export class ConsumerEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(consumerRegisteredV1Subject, { handler: 'account-opening' })
  async onConsumerRegistered(@Payload() payload: ConsumerRegisteredV1, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { consumerId } = consumerRegisteredV1.parse(payload);
    await this.commands.execute(new OpenAccount(consumerId, ctx.causedBy(new Date().toISOString())));
  }
}
