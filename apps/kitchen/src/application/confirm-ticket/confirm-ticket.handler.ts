import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { ConfirmTicket } from './confirm-ticket.command';

@CommandHandler(ConfirmTicket)
export class ConfirmTicketHandler implements ICommandHandler<ConfirmTicket> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ orderId, metadata }: ConfirmTicket): Promise<void> {
    await this.tickets.run(orderId, { type: 'ConfirmTicket', data: { orderId } }, metadata);
  }
}
