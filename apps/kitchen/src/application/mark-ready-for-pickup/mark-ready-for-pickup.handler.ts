import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { TicketView, toTicketView } from '../get-ticket/ticket.view';
import { MarkReadyForPickup } from './mark-ready-for-pickup.command';

@CommandHandler(MarkReadyForPickup)
export class MarkReadyForPickupHandler implements ICommandHandler<MarkReadyForPickup> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ orderId, metadata }: MarkReadyForPickup): Promise<TicketView> {
    const { state, streamVersion } = await this.tickets.run(orderId, { type: 'MarkReadyForPickup', data: { orderId } }, metadata);
    return toTicketView(orderId, state, streamVersion);
  }
}
