import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { MarkPickedUp } from './mark-picked-up.command';

@CommandHandler(MarkPickedUp)
export class MarkPickedUpHandler implements ICommandHandler<MarkPickedUp> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ orderId, metadata }: MarkPickedUp): Promise<void> {
    await this.tickets.run(orderId, { type: 'MarkPickedUp', data: { orderId } }, metadata);
  }
}
