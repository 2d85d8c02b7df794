import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { GetTicket } from './get-ticket.query';
import { assertMayActOnTicket } from './ticket-access';
import { TicketView, toTicketView } from './ticket.view';

/** Served from the ticket's own short stream: always current. An order without a ticket -> 404; another restaurant's -> 403. */
@QueryHandler(GetTicket)
export class GetTicketHandler implements IQueryHandler<GetTicket> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ orderId, actor }: GetTicket): Promise<TicketView> {
    const { state, streamVersion } = await this.tickets.load(orderId);
    assertMayActOnTicket(actor, orderId, state);
    return toTicketView(orderId, state, streamVersion);
  }
}
