import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { NoteOrder } from './note-order.command';

@CommandHandler(NoteOrder)
export class NoteOrderHandler implements ICommandHandler<NoteOrder> {
  constructor(private readonly deliveries: DeliveryCommandRunner) {}

  async execute({ order, metadata }: NoteOrder): Promise<void> {
    await this.deliveries.run(order.orderId, { type: 'NoteOrder', data: order }, metadata);
  }
}
