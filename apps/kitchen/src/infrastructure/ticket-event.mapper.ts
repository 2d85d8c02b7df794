import {
  TicketAcceptedV1,
  ticketAcceptedV1Subject,
  TicketCancelledV1,
  TicketCancelRefusedV1,
  ticketCancelRefusedV1Subject,
  ticketCancelledV1Subject,
  TicketConfirmedV1,
  ticketConfirmedV1Subject,
  TicketCreatedV1,
  ticketCreatedV1Subject,
  TicketPickedUpV1,
  ticketPickedUpV1Subject,
  TicketPreparingV1,
  ticketPreparingV1Subject,
  TicketReadyForPickupV1,
  ticketReadyForPickupV1Subject,
  TicketRejectedV1,
  ticketRejectedV1Subject,
  TicketRevisedV1,
  ticketRevisedV1Subject,
  TicketRevisionRefusedV1,
  ticketRevisionRefusedV1Subject,
  TicketRevisionUndoneV1,
  ticketRevisionUndoneV1Subject,
} from '@brigade/contracts/kitchen';
import { assertNever } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { TicketEvent, TicketLineItem } from '../domain/ticket.events';

/** The contract an internal event is published as (subject without namespace prefix, JSON body). */
export interface TicketEventMapping {
  readonly subject: string;
  readonly payload:
    | TicketCreatedV1
    | TicketRejectedV1
    | TicketConfirmedV1
    | TicketCancelledV1
    | TicketAcceptedV1
    | TicketPreparingV1
    | TicketReadyForPickupV1
    | TicketPickedUpV1
    | TicketCancelRefusedV1
    | TicketRevisedV1
    | TicketRevisionRefusedV1
    | TicketRevisionUndoneV1;
}

/**
 * Internal event -> integration contract, field by field, so nothing the domain keeps for itself
 * (a rejected ticket's lines, say) leaks onto the wire. OrderRejectionNoted and
 * TicketRevisionFinalized are the kitchen's own memos and are not published (null): orders
 * decided those itself. Pure: the relay may map an event again after a failure.
 */
export function mapTicketEvent(stored: StoredEvent): TicketEventMapping | null {
  const event = { type: stored.type, data: stored.data } as TicketEvent;
  switch (event.type) {
    case 'TicketCreated': {
      const { orderId, restaurantId, lineItems } = event.data;
      const payload: TicketCreatedV1 = { orderId, restaurantId, lineItems: linesOf(lineItems) };
      return { subject: ticketCreatedV1Subject, payload };
    }
    case 'TicketRejected': {
      const { orderId, restaurantId, reason } = event.data;
      const payload: TicketRejectedV1 = { orderId, restaurantId, reason };
      return { subject: ticketRejectedV1Subject, payload };
    }
    case 'TicketConfirmed': {
      const payload: TicketConfirmedV1 = { orderId: event.data.orderId, restaurantId: event.data.restaurantId };
      return { subject: ticketConfirmedV1Subject, payload };
    }
    case 'TicketCancelled': {
      const { orderId, restaurantId, reason } = event.data;
      const payload: TicketCancelledV1 = { orderId, restaurantId, reason };
      return { subject: ticketCancelledV1Subject, payload };
    }
    case 'TicketAccepted': {
      const { orderId, restaurantId, readyBy } = event.data;
      const payload: TicketAcceptedV1 = { orderId, restaurantId, readyBy };
      return { subject: ticketAcceptedV1Subject, payload };
    }
    case 'TicketPreparationStarted': {
      const payload: TicketPreparingV1 = { orderId: event.data.orderId, restaurantId: event.data.restaurantId };
      return { subject: ticketPreparingV1Subject, payload };
    }
    case 'TicketReadyForPickup': {
      const payload: TicketReadyForPickupV1 = { orderId: event.data.orderId, restaurantId: event.data.restaurantId };
      return { subject: ticketReadyForPickupV1Subject, payload };
    }
    case 'TicketPickedUp': {
      const payload: TicketPickedUpV1 = { orderId: event.data.orderId, restaurantId: event.data.restaurantId };
      return { subject: ticketPickedUpV1Subject, payload };
    }
    case 'TicketCancellationRefused': {
      const { orderId, restaurantId, reason } = event.data;
      const payload: TicketCancelRefusedV1 = { orderId, restaurantId, reason };
      return { subject: ticketCancelRefusedV1Subject, payload };
    }
    case 'TicketRevised': {
      const { orderId, restaurantId, revision, lineItems } = event.data;
      const payload: TicketRevisedV1 = { orderId, restaurantId, revision, lineItems: linesOf(lineItems) };
      return { subject: ticketRevisedV1Subject, payload };
    }
    case 'TicketRevisionRefused': {
      const { orderId, restaurantId, revision, reason } = event.data;
      const payload: TicketRevisionRefusedV1 = { orderId, restaurantId, revision, reason };
      return { subject: ticketRevisionRefusedV1Subject, payload };
    }
    case 'TicketRevisionUndone': {
      const { orderId, restaurantId, revision, lineItems } = event.data;
      const payload: TicketRevisionUndoneV1 = { orderId, restaurantId, revision, lineItems: linesOf(lineItems) };
      return { subject: ticketRevisionUndoneV1Subject, payload };
    }
    case 'OrderRejectionNoted':
    case 'TicketRevisionFinalized':
      return null;
    default:
      return assertNever(event);
  }
}

function linesOf(lineItems: readonly TicketLineItem[]) {
  return lineItems.map(({ menuItemId, name, quantity }) => ({ menuItemId, name, quantity }));
}
