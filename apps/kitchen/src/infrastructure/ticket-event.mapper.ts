import {
  TicketAcceptedV1,
  ticketAcceptedV1Subject,
  TicketCancelledV1,
  ticketCancelledV1Subject,
  TicketConfirmedV1,
  ticketConfirmedV1Subject,
  TicketCreatedV1,
  ticketCreatedV1Subject,
  TicketPreparingV1,
  ticketPreparingV1Subject,
  TicketReadyForPickupV1,
  ticketReadyForPickupV1Subject,
  TicketRejectedV1,
  ticketRejectedV1Subject,
} from '@brigade/contracts/kitchen';
import { assertNever } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { TicketEvent } from '../domain/ticket.events';

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
    | TicketReadyForPickupV1;
}

/**
 * Internal event -> integration contract, field by field, so nothing the domain keeps for itself
 * (a rejected ticket's lines, say) leaks onto the wire. OrderRejectionNoted is the kitchen's own
 * memo and is not published (null). Pure: the relay may map an event again after a failure.
 */
export function mapTicketEvent(stored: StoredEvent): TicketEventMapping | null {
  const event = { type: stored.type, data: stored.data } as TicketEvent;
  switch (event.type) {
    case 'TicketCreated': {
      const { orderId, restaurantId, lineItems } = event.data;
      const payload: TicketCreatedV1 = {
        orderId,
        restaurantId,
        lineItems: lineItems.map(({ menuItemId, name, quantity }) => ({ menuItemId, name, quantity })),
      };
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
    case 'OrderRejectionNoted':
      return null;
    default:
      return assertNever(event);
  }
}
