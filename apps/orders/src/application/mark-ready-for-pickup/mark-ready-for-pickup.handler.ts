import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { MarkReadyForPickup } from './mark-ready-for-pickup.command';

@CommandHandler(MarkReadyForPickup)
export class MarkReadyForPickupHandler implements ICommandHandler<MarkReadyForPickup> {
  constructor(private readonly orders: OrderCommandRunner) {}

  async execute({ orderId, metadata }: MarkReadyForPickup): Promise<void> {
    await this.orders.run(orderId, { type: 'MarkReadyForPickup', data: { orderId } }, metadata);
  }
}
