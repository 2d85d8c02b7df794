import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { MirrorFulfilment } from './mirror-fulfilment.command';

@CommandHandler(MirrorFulfilment)
export class MirrorFulfilmentHandler implements ICommandHandler<MirrorFulfilment> {
  constructor(private readonly orders: OrderCommandRunner) {}

  async execute({ orderId, step, about, metadata }: MirrorFulfilment): Promise<void> {
    await this.orders.run(orderId, { type: step, data: { orderId, about } }, metadata);
  }
}
