import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { assertMayActOnTicket } from '../get-ticket/ticket-access';
import { TicketView, toTicketView } from '../get-ticket/ticket.view';
import { StartPreparing } from './start-preparing.command';

/** Only the ticket's restaurant (or an admin) starts cooking it. */
@CommandHandler(StartPreparing)
export class StartPreparingHandler implements ICommandHandler<StartPreparing> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ orderId, metadata }: StartPreparing): Promise<TicketView> {
    assertMayActOnTicket(metadata.actor, orderId, (await this.tickets.load(orderId)).state);
    const { state, streamVersion } = await this.tickets.run(orderId, { type: 'StartPreparing', data: { orderId } }, metadata);
    return toTicketView(orderId, state, streamVersion);
  }
}
