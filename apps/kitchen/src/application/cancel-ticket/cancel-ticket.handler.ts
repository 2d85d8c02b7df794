import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { CancelTicket } from './cancel-ticket.command';

@CommandHandler(CancelTicket)
export class CancelTicketHandler implements ICommandHandler<CancelTicket> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ order, metadata }: CancelTicket): Promise<void> {
    await this.tickets.run(order.orderId, { type: 'CancelTicket', data: order }, metadata);
  }
}
