import { DomainError } from '@brigade/domain';

/** Stable codes: clients and other contexts match on these, never on messages. */
export const TicketErrorCodes = {
  NotFound: 'KITCHEN.TICKET.NOT_FOUND',
  IllegalTransition: 'KITCHEN.TICKET.ILLEGAL_TRANSITION',
  InvalidReadyBy: 'KITCHEN.TICKET.INVALID_READY_BY',
  RevisionPending: 'KITCHEN.TICKET.REVISION_PENDING',
} as const;

export class TicketNotFoundError extends DomainError {
  constructor(orderId: string) {
    super(TicketErrorCodes.NotFound, 'not-found', `There is no ticket for order ${orderId}`, { orderId });
  }
}

export class IllegalTicketTransitionError extends DomainError {
  constructor(orderId: string, from: string, action: string) {
    super(TicketErrorCodes.IllegalTransition, 'conflict', `The ticket of order ${orderId} cannot ${action}: it is ${from}`, { orderId, state: from });
  }
}

export class InvalidReadyByError extends DomainError {
  constructor(readyBy: string, now: string) {
    super(TicketErrorCodes.InvalidReadyBy, 'validation', `readyBy ${readyBy} must be a date-time after ${now}`, { field: 'readyBy' });
  }
}

/** The order has not decided the revision the kitchen accepted: the ticket's lines may still change back. */
export class TicketRevisionPendingError extends DomainError {
  constructor(orderId: string, revision: number, action: string) {
    super(TicketErrorCodes.RevisionPending, 'conflict', `The ticket of order ${orderId} cannot ${action}: revision ${revision} is pending`, {
      orderId,
      revision,
    });
  }
}
