import { runInTransaction } from '@brigade/event-store';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ConsumerCommandRunner } from '../../infrastructure/consumer-command-runner';
import { OrderValidationCommandRunner, orderValidationStreamId } from '../../infrastructure/order-validation-command-runner';
import { OrderVerdict, ValidateOrder } from './validate-order.command';

/**
 * Records the verdict on the order's own validation stream, decided on the consumer's standing;
 * the relay publishes it as order-validated.v1 or order-validation-failed.v1. Run inside the
 * inbox transaction of the message that asked, so the verdict and the "message processed" mark
 * commit together. A new order has no verdict yet: its stream is not read (newStream); a second
 * announcement of the order fails the COMMIT instead, and its next run reads the verdict and
 * decides nothing. The consumer's standing is the one this process remembers, checked at COMMIT.
 */
@CommandHandler(ValidateOrder)
export class ValidateOrderHandler implements ICommandHandler<ValidateOrder> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consumers: ConsumerCommandRunner,
    private readonly validations: OrderValidationCommandRunner,
  ) {}

  execute({ consumerId, orderId, metadata }: ValidateOrder): Promise<OrderVerdict> {
    return runInTransaction(this.dataSource, async () => {
      const { state: consumer } = await this.consumers.loadForDecision(consumerId);
      const command = { type: 'ValidateOrder', data: { consumerId, orderId, consumer: consumer.status } } as const;
      const { events } = await this.validations.run(orderValidationStreamId(orderId), command, metadata, { newStream: true });
      const [verdict] = events;
      if (verdict?.type === 'OrderValidated') return { valid: true };
      if (verdict?.type === 'OrderValidationFailed') return { valid: false, reason: verdict.data.reason };
      return null;
    });
  }
}
