import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { assertMayActOnTicket } from '../get-ticket/ticket-access';
import { TicketView, toTicketView } from '../get-ticket/ticket.view';
import { MarkReadyForPickup } from './mark-ready-for-pickup.command';

/** Only the ticket's restaurant (or an admin) says the food is ready. */
@CommandHandler(MarkReadyForPickup)
export class MarkReadyForPickupHandler implements ICommandHandler<MarkReadyForPickup> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ orderId, metadata }: MarkReadyForPickup): Promise<TicketView> {
    assertMayActOnTicket(metadata.actor, orderId, (await this.tickets.load(orderId)).state);
    const { state, streamVersion } = await this.tickets.run(orderId, { type: 'MarkReadyForPickup', data: { orderId } }, metadata);
    return toTicketView(orderId, state, streamVersion);
  }
}
