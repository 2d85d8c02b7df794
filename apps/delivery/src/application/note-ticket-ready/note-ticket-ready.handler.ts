import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { NoteTicketReady } from './note-ticket-ready.command';

@CommandHandler(NoteTicketReady)
export class NoteTicketReadyHandler implements ICommandHandler<NoteTicketReady> {
  constructor(private readonly deliveries: DeliveryCommandRunner) {}

  async execute({ orderId, metadata }: NoteTicketReady): Promise<void> {
    await this.deliveries.run(orderId, { type: 'NoteTicketReady', data: { orderId } }, metadata);
  }
}
