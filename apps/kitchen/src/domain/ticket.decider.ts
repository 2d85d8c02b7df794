import { assertNever, Decider } from '@brigade/domain';
import type { CreateTicket, TicketCommand } from './ticket.commands';
import { IllegalTicketTransitionError, InvalidReadyByError, TicketNotFoundError } from './ticket.errors';
import type { TicketEvent } from './ticket.events';
import type { ExistingTicket, TicketState } from './ticket.state';

/**
 * The Ticket aggregate (one per order, stream id = orderId). Reactions to the order's events
 * are idempotent: a repeated or late one decides nothing rather than failing, because the
 * order's saga does not wait for the kitchen's answer to them. Staff commands (accept,
 * preparing, ready) are strict: from any other state they are refused (409).
 */
export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  initialState: () => ({ status: 'NONE' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateTicket':
        return createTicket(command, state);
      case 'ConfirmTicket': {
        const { orderId } = command.data;
        const ticket = existing(state, orderId);
        if (ticket.status === 'CREATE_PENDING') return [{ type: 'TicketConfirmed', data: ref(ticket) }];
        if (['AWAITING_ACCEPTANCE', 'ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP'].includes(ticket.status)) return [];
        throw new IllegalTicketTransitionError(orderId, ticket.status, 'be confirmed');
      }
      case 'CancelTicket': {
        const { orderId, restaurantId, reason } = command.data;
        switch (state.status) {
          case 'NONE':
            return [{ type: 'OrderRejectionNoted', data: { orderId, restaurantId, reason } }];
          case 'CREATE_PENDING':
          case 'AWAITING_ACCEPTANCE':
          case 'ACCEPTED':
            return [{ type: 'TicketCancelled', data: { ...ref(state), reason } }];
          case 'ORDER_REJECTED':
          case 'REJECTED':
          case 'CANCELLED':
            return [];
          case 'PREPARING':
          case 'READY_FOR_PICKUP':
            throw new IllegalTicketTransitionError(orderId, state.status, 'be cancelled');
          default:
            return assertNever(state);
        }
      }
      case 'AcceptTicket': {
        const { orderId, readyBy, now } = command.data;
        const ticket = existing(state, orderId);
        if (ticket.status !== 'AWAITING_ACCEPTANCE') throw new IllegalTicketTransitionError(orderId, ticket.status, 'be accepted');
        if (!(Date.parse(readyBy) > Date.parse(now))) throw new InvalidReadyByError(readyBy, now);
        return [{ type: 'TicketAccepted', data: { ...ref(ticket), readyBy } }];
      }
      case 'StartPreparing': {
        const ticket = existing(state, command.data.orderId);
        if (ticket.status !== 'ACCEPTED') throw new IllegalTicketTransitionError(ticket.orderId, ticket.status, 'start preparing');
        return [{ type: 'TicketPreparationStarted', data: ref(ticket) }];
      }
      case 'MarkReadyForPickup': {
        const ticket = existing(state, command.data.orderId);
        if (ticket.status !== 'PREPARING') throw new IllegalTicketTransitionError(ticket.orderId, ticket.status, 'be ready for pickup');
        return [{ type: 'TicketReadyForPickup', data: ref(ticket) }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrderRejectionNoted':
        return { status: 'ORDER_REJECTED', ...event.data };
      case 'TicketCreated':
        return { status: 'CREATE_PENDING', ...event.data };
      case 'TicketRejected':
        return { status: 'REJECTED', ...event.data };
      case 'TicketConfirmed':
        return { ...afterCreation(state, event.type), status: 'AWAITING_ACCEPTANCE' };
      case 'TicketCancelled':
        return { ...afterCreation(state, event.type), status: 'CANCELLED', reason: event.data.reason };
      case 'TicketAccepted':
        return { ...afterCreation(state, event.type), status: 'ACCEPTED', readyBy: event.data.readyBy };
      case 'TicketPreparationStarted':
        return { ...withReadyBy(state, event.type), status: 'PREPARING' };
      case 'TicketReadyForPickup':
        return { ...withReadyBy(state, event.type), status: 'READY_FOR_PICKUP' };
      default:
        return assertNever(event);
    }
  },
};

/**
 * The kitchen's verdict on a new order, from its replica of the restaurant. When the order's
 * rejection got here first, a ticket it would have created is cancelled at once (published as
 * created.v1 then cancelled.v1, so every consumer sees a cancelled ticket that existed).
 * A ticket that exists already decides nothing: the same order created twice is one ticket.
 */
function createTicket({ data }: CreateTicket, state: TicketState): TicketEvent[] {
  if (state.status !== 'NONE' && state.status !== 'ORDER_REJECTED') return [];
  const { orderId, restaurantId, lineItems } = data;
  const reason = refusal(data);
  if (reason) return [{ type: 'TicketRejected', data: { orderId, restaurantId, lineItems, reason } }];
  const created: TicketEvent = { type: 'TicketCreated', data: { orderId, restaurantId, lineItems } };
  if (state.status === 'NONE') return [created];
  return [created, { type: 'TicketCancelled', data: { orderId, restaurantId, reason: state.reason } }];
}

function refusal({ restaurantId, lineItems, restaurant }: CreateTicket['data']): string | null {
  if (!restaurant) return `restaurant ${restaurantId} is unknown to the kitchen`;
  if (!restaurant.open) return `restaurant ${restaurantId} is closed`;
  const menu = new Set(restaurant.menuItemIds);
  const unknown = [...new Set(lineItems.map((l) => l.menuItemId).filter((id) => !menu.has(id)))];
  if (unknown.length > 0) return `menu item(s) ${unknown.join(', ')} not on the menu of restaurant ${restaurantId}`;
  return null;
}

function ref(ticket: { readonly orderId: string; readonly restaurantId: string }) {
  return { orderId: ticket.orderId, restaurantId: ticket.restaurantId };
}

/** A ticket that exists (created or rejected); staff and the order cannot act on one that does not. */
function existing(state: TicketState, orderId: string): ExistingTicket {
  if (state.status === 'NONE' || state.status === 'ORDER_REJECTED') throw new TicketNotFoundError(orderId);
  return state;
}

/** An event that needs a ticket in a stream without one is a corrupt stream: a bug, not a business answer. */
function afterCreation(state: TicketState, eventType: string): ExistingTicket {
  if (state.status === 'NONE' || state.status === 'ORDER_REJECTED') throw new Error(`${eventType} in a stream without TicketCreated`);
  return state;
}

function withReadyBy(state: TicketState, eventType: string): ExistingTicket & { readonly readyBy: string } {
  const ticket = afterCreation(state, eventType);
  if (!('readyBy' in ticket) || ticket.readyBy === undefined) throw new Error(`${eventType} in a stream without TicketAccepted`);
  return { ...ticket, readyBy: ticket.readyBy };
}
