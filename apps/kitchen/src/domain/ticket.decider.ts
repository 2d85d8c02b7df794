import { assertNever, Decider } from '@brigade/domain';
import type { AnswerCancelRequest, CreateTicket, ReviseTicket, TicketCommand } from './ticket.commands';
import { IllegalTicketTransitionError, InvalidReadyByError, TicketNotFoundError, TicketRevisionPendingError } from './ticket.errors';
import type { TicketEvent } from './ticket.events';
import type { ExistingTicket, PendingRevision, TicketState } from './ticket.state';

/** The reason of a ticket cancelled at the order's request. */
export const ORDER_CANCELLED = 'order cancelled';
/** Why a change to an order the kitchen has no ticket for is refused. */
export const NO_TICKET = 'no ticket';

/**
 * The Ticket aggregate (one per order, stream id = orderId). Reactions to the order's events
 * are idempotent: a repeated or late one decides nothing rather than failing, because the
 * order's saga does not wait for the kitchen's answer to them. The order's changes after
 * approval (cancel, revise) are answered with a yes or a no event, because its sagas wait for
 * one. Staff commands (accept, preparing, ready) are strict: from any other state they are
 * refused (409), also while a revision is pending.
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
        if (['AWAITING_ACCEPTANCE', 'ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP'].includes(ticket.status)) return [];
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
          case 'PICKED_UP':
            throw new IllegalTicketTransitionError(orderId, state.status, 'be cancelled');
          default:
            return assertNever(state);
        }
      }
      case 'AcceptTicket': {
        const { orderId, readyBy, now } = command.data;
        const ticket = existing(state, orderId);
        if (ticket.status !== 'AWAITING_ACCEPTANCE') throw new IllegalTicketTransitionError(orderId, ticket.status, 'be accepted');
        if (ticket.pendingRevision) throw new TicketRevisionPendingError(orderId, ticket.pendingRevision.revision, 'be accepted');
        if (!(Date.parse(readyBy) > Date.parse(now))) throw new InvalidReadyByError(readyBy, now);
        return [{ type: 'TicketAccepted', data: { ...ref(ticket), readyBy } }];
      }
      case 'StartPreparing': {
        const ticket = existing(state, command.data.orderId);
        if (ticket.status !== 'ACCEPTED') throw new IllegalTicketTransitionError(ticket.orderId, ticket.status, 'start preparing');
        if (ticket.pendingRevision) throw new TicketRevisionPendingError(ticket.orderId, ticket.pendingRevision.revision, 'start preparing');
        return [{ type: 'TicketPreparationStarted', data: ref(ticket) }];
      }
      case 'MarkReadyForPickup': {
        const ticket = existing(state, command.data.orderId);
        if (ticket.status !== 'PREPARING') throw new IllegalTicketTransitionError(ticket.orderId, ticket.status, 'be ready for pickup');
        return [{ type: 'TicketReadyForPickup', data: ref(ticket) }];
      }
      case 'MarkPickedUp': {
        // Delivery picks up only after it saw ready-for-pickup: any other state is an anomaly, recorded.
        const ticket = existing(state, command.data.orderId);
        if (ticket.status === 'PICKED_UP') return [];
        if (ticket.status !== 'READY_FOR_PICKUP') throw new IllegalTicketTransitionError(ticket.orderId, ticket.status, 'be picked up');
        return [{ type: 'TicketPickedUp', data: ref(ticket) }];
      }
      case 'AnswerCancelRequest':
        return answerCancelRequest(command, state);
      case 'ReviseTicket':
        return reviseTicket(command, state);
      case 'FinalizeRevision': {
        const { revision } = command.data;
        if (pendingRevisionOf(state)?.revision !== revision) return [];
        return [{ type: 'TicketRevisionFinalized', data: { ...ref(existing(state, command.data.orderId)), revision } }];
      }
      case 'UndoRevision': {
        // Only a revision this ticket accepted and still holds is undone; one it refused changed nothing.
        const pending = pendingRevisionOf(state);
        if (pending?.revision !== command.data.revision) return [];
        const ticket = existing(state, command.data.orderId);
        return [{ type: 'TicketRevisionUndone', data: { ...ref(ticket), revision: pending.revision, lineItems: pending.previousLineItems } }];
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
        return { ...settled(afterCreation(state, event.type)), status: 'CANCELLED', reason: event.data.reason };
      case 'TicketAccepted':
        return { ...afterCreation(state, event.type), status: 'ACCEPTED', readyBy: event.data.readyBy };
      case 'TicketPreparationStarted':
        return { ...withReadyBy(state, event.type), status: 'PREPARING' };
      case 'TicketReadyForPickup':
        return { ...withReadyBy(state, event.type), status: 'READY_FOR_PICKUP' };
      case 'TicketPickedUp':
        return { ...withReadyBy(state, event.type), status: 'PICKED_UP' };
      case 'TicketCancellationRefused':
        return state;
      case 'TicketRevised': {
        const ticket = afterCreation(state, event.type);
        if (ticket.status !== 'AWAITING_ACCEPTANCE' && ticket.status !== 'ACCEPTED') throw new Error(`TicketRevised on a ${ticket.status} ticket`);
        const { revision, lineItems } = event.data;
        return { ...ticket, lineItems, lastRevision: revision, pendingRevision: { revision, previousLineItems: ticket.lineItems } };
      }
      case 'TicketRevisionRefused':
        // A refusal for an order without a ticket leaves nothing to remember.
        if (state.status === 'NONE' || state.status === 'ORDER_REJECTED') return state;
        return { ...state, lastRevision: Math.max(state.lastRevision ?? 0, event.data.revision) };
      case 'TicketRevisionFinalized':
        return settled(afterCreation(state, event.type));
      case 'TicketRevisionUndone':
        return { ...settled(afterCreation(state, event.type)), lineItems: event.data.lineItems };
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

/**
 * The order asks to cancel its ticket (CANCEL_PENDING). Before cooking starts the kitchen cancels
 * it (this is the saga's pivot: the order will be cancelled); once cooking started, or while a
 * revision it accepted is undecided, it refuses, naming why. An already cancelled ticket answers
 * nothing new; an order without a ticket is refused ('no ticket') so that its saga hears an answer.
 */
function answerCancelRequest({ data }: AnswerCancelRequest, state: TicketState): TicketEvent[] {
  const refuse = (reason: string): TicketEvent[] => [{ type: 'TicketCancellationRefused', data: { ...ref(data), reason } }];
  switch (state.status) {
    case 'NONE':
    case 'ORDER_REJECTED':
      return refuse(NO_TICKET);
    case 'CANCELLED':
      return [];
    case 'AWAITING_ACCEPTANCE':
    case 'ACCEPTED':
      if (state.pendingRevision) return refuse(revisionPending(state.pendingRevision));
      return [{ type: 'TicketCancelled', data: { ...ref(state), reason: ORDER_CANCELLED } }];
    case 'CREATE_PENDING':
      // Not approved yet, so nothing to cook: cancelling is as safe as for AWAITING_ACCEPTANCE.
      return [{ type: 'TicketCancelled', data: { ...ref(state), reason: ORDER_CANCELLED } }];
    case 'REJECTED':
    case 'PREPARING':
    case 'READY_FOR_PICKUP':
    case 'PICKED_UP':
      return refuse(`ticket is ${state.status}`);
    default:
      return assertNever(state);
  }
}

/**
 * The order proposes revision `revision` of its lines (REVISION_PENDING). Before cooking starts,
 * with no other revision pending, the ticket takes the new lines and keeps the previous ones
 * until the order decides; otherwise the kitchen refuses, naming why. A revision it answered
 * already (same number or older) decides nothing: the order asked once.
 */
function reviseTicket({ data }: ReviseTicket, state: TicketState): TicketEvent[] {
  const { revision, lineItems } = data;
  const refuse = (reason: string): TicketEvent[] => [{ type: 'TicketRevisionRefused', data: { ...ref(data), revision, reason } }];
  if (state.status === 'NONE' || state.status === 'ORDER_REJECTED') return refuse(NO_TICKET);
  if (state.lastRevision !== undefined && revision <= state.lastRevision) return [];
  if (state.status !== 'AWAITING_ACCEPTANCE' && state.status !== 'ACCEPTED') return refuse(`ticket is ${state.status}`);
  if (state.pendingRevision) return refuse(revisionPending(state.pendingRevision));
  return [{ type: 'TicketRevised', data: { ...ref(state), revision, lineItems } }];
}

function revisionPending({ revision }: PendingRevision): string {
  return `ticket has revision ${revision} pending`;
}

function pendingRevisionOf(state: TicketState): PendingRevision | undefined {
  return state.status === 'AWAITING_ACCEPTANCE' || state.status === 'ACCEPTED' ? state.pendingRevision : undefined;
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
  const ticket = settled(afterCreation(state, eventType));
  if (!('readyBy' in ticket) || ticket.readyBy === undefined) throw new Error(`${eventType} in a stream without TicketAccepted`);
  return { ...ticket, readyBy: ticket.readyBy };
}

/** The ticket without a pending revision: only AWAITING_ACCEPTANCE and ACCEPTED may hold one. */
function settled(ticket: ExistingTicket): ExistingTicket {
  if (!('pendingRevision' in ticket)) return ticket;
  const { pendingRevision: _decided, ...rest } = ticket;
  return rest;
}
