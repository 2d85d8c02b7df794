import { userRegisteredV1, userRegisteredV1Subject } from '@brigade/contracts/identity';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RegisterConsumer } from '../../application/register-consumer/register-consumer.command';
import { ConsumerErrorCodes } from '../../domain/consumer.errors';

/**
 * The identity events consumers react to, read by the durable `consumers--consumer-registration`:
 * a consumer user who signed up gets its Consumer, under the consumerId identity gave it (so the
 * user's token names it), with the name and email of the sign-up. Accounting then opens the
 * account from consumers.consumer.registered.v1 as for any consumer. Staff, couriers and admins
 * are no consumers: their registrations are handled by doing nothing (acked, not parked).
 * Idempotent: the inbox drops a redelivery, and a Consumer that already exists is the state the
 * event asks for. A payload breaking its contract is parked at once (ContractViolation).
 */
@Controller()
export class IdentityEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(userRegisteredV1Subject, { handler: 'consumer-registration' })
  async onUserRegistered(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const user = userRegisteredV1.parse(payload);
    // The contract requires consumerId and name of every consumer user.
    if (user.role !== 'consumer' || !user.consumerId || !user.name) return;
    const consumer = { consumerId: user.consumerId, name: user.name, email: user.email };
    try {
      await this.commands.execute(new RegisterConsumer(consumer, ctx.causedBy(new Date().toISOString())));
    } catch (error) {
      if ((error as { code?: unknown }).code !== ConsumerErrorCodes.AlreadyExists) throw error;
    }
  }
}
