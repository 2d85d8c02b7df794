import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { StartPreparation } from './start-preparation.command';

@CommandHandler(StartPreparation)
export class StartPreparationHandler implements ICommandHandler<StartPreparation> {
  constructor(private readonly orders: OrderCommandRunner) {}

  async execute({ orderId, metadata }: StartPreparation): Promise<void> {
    await this.orders.run(orderId, { type: 'StartPreparation', data: { orderId } }, metadata);
  }
}
