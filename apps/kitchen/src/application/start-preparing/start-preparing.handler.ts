import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { TicketView, toTicketView } from '../get-ticket/ticket.view';
import { StartPreparing } from './start-preparing.command';

@CommandHandler(StartPreparing)
export class StartPreparingHandler implements ICommandHandler<StartPreparing> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ orderId, metadata }: StartPreparing): Promise<TicketView> {
    const { state, streamVersion } = await this.tickets.run(orderId, { type: 'StartPreparing', data: { orderId } }, metadata);
    return toTicketView(orderId, state, streamVersion);
  }
}
