import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { ReviseTicket } from './revise-ticket.command';

@CommandHandler(ReviseTicket)
export class ReviseTicketHandler implements ICommandHandler<ReviseTicket> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ proposal, metadata }: ReviseTicket): Promise<void> {
    await this.tickets.run(proposal.orderId, { type: 'ReviseTicket', data: proposal }, metadata);
  }
}
