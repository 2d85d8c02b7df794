import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { WithdrawOrder } from './withdraw-order.command';

@CommandHandler(WithdrawOrder)
export class WithdrawOrderHandler implements ICommandHandler<WithdrawOrder> {
  constructor(private readonly deliveries: DeliveryCommandRunner) {}

  async execute({ orderId, metadata }: WithdrawOrder): Promise<void> {
    await this.deliveries.run(orderId, { type: 'WithdrawOrder', data: { orderId } }, metadata);
  }
}
