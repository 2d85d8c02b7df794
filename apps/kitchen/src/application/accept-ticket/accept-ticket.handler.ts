import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { assertMayActOnTicket } from '../get-ticket/ticket-access';
import { TicketView, toTicketView } from '../get-ticket/ticket.view';
import { AcceptTicket } from './accept-ticket.command';

/**
 * Only the ticket's restaurant (or an admin) accepts it. "Now" is the time the request was
 * received (its metadata), never a clock read in the domain.
 */
@CommandHandler(AcceptTicket)
export class AcceptTicketHandler implements ICommandHandler<AcceptTicket> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ orderId, readyBy, metadata }: AcceptTicket): Promise<TicketView> {
    assertMayActOnTicket(metadata.actor, orderId, (await this.tickets.load(orderId)).state);
    const command = { type: 'AcceptTicket' as const, data: { orderId, readyBy, now: metadata.occurredAt } };
    const { state, streamVersion } = await this.tickets.run(orderId, command, metadata);
    return toTicketView(orderId, state, streamVersion);
  }
}
