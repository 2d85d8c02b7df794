import { assertMayActOn } from '@brigade/auth';
import type { Actor } from '@brigade/event-store';
import { TicketNotFoundError } from '../../domain/ticket.errors';
import type { TicketState } from '../../domain/ticket.state';

/**
 * Restaurant staff see and work only their own restaurant's tickets; admins any. Whether the
 * ticket exists is answered first, whoever asks (404), then whose it is (403 AUTH.FORBIDDEN):
 * a ticket's restaurant never changes, so a check made on the ticket as loaded still holds when
 * the command is decided.
 */
export function assertMayActOnTicket(actor: Actor, orderId: string, state: TicketState): void {
  if (state.status === 'NONE' || state.status === 'ORDER_REJECTED') throw new TicketNotFoundError(orderId);
  assertMayActOn(actor, { restaurant: state.restaurantId });
}
