import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConsumerCommandRunner } from '../../infrastructure/consumer-command-runner';
import { OrderVerdict, ValidateOrder } from './validate-order.command';

/**
 * Records the verdict on the consumer's stream; the relay publishes it as order-validated.v1 or
 * order-validation-failed.v1. Run inside the inbox transaction of the message that asked, so the
 * verdict and the "message processed" mark commit together.
 */
@CommandHandler(ValidateOrder)
export class ValidateOrderHandler implements ICommandHandler<ValidateOrder> {
  constructor(private readonly consumers: ConsumerCommandRunner) {}

  async execute({ consumerId, orderId, metadata }: ValidateOrder): Promise<OrderVerdict> {
    const { events } = await this.consumers.run(consumerId, { type: 'ValidateOrder', data: { consumerId, orderId } }, metadata);
    const [verdict] = events;
    if (verdict?.type === 'OrderValidated') return { valid: true };
    if (verdict?.type === 'OrderValidationFailed') return { valid: false, reason: verdict.data.reason };
    return null;
  }
}
