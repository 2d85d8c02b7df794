import { fold } from '@brigade/domain';
import { given } from '@brigade/testing';
import {
  acceptTicket,
  aLineItem,
  anOpenRestaurant,
  cancelTicket,
  confirmTicket,
  createTicket,
  historyUntil,
  markReadyForPickup,
  now,
  orderRejectionNoted,
  readyBy,
  restaurantId,
  startPreparing,
  ticketAccepted,
  ticketCancelled,
  ticketConfirmed,
  ticketCreated,
  ticketPreparationStarted,
  ticketReadyForPickup,
  ticketRejected,
} from '../../test/ticket.mothers';
import { ticketDecider as ticket } from './ticket.decider';
import { TicketErrorCodes as Codes } from './ticket.errors';

const UNKNOWN_ITEM = '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5cff';

describe('Ticket', () => {
  describe('CreateTicket (orders.order.created.v1)', () => {
    it('creates the ticket (CREATE_PENDING) when the restaurant is open and serves every item', () => {
      given(ticket, []).when(createTicket()).then([ticketCreated()]);
    });

    it('rejects the ticket when the restaurant is unknown to the kitchen', () => {
      given(ticket, [])
        .when(createTicket({ restaurant: null }))
        .then([ticketRejected(`restaurant ${restaurantId} is unknown to the kitchen`)]);
    });

    it('rejects the ticket when the restaurant is closed', () => {
      given(ticket, [])
        .when(createTicket({ restaurant: anOpenRestaurant({ open: false }) }))
        .then([ticketRejected(`restaurant ${restaurantId} is closed`)]);
    });

    it('rejects the ticket when an item is not on the menu, naming it', () => {
      const lineItems = [aLineItem(), aLineItem({ menuItemId: UNKNOWN_ITEM })];
      given(ticket, [])
        .when(createTicket({ lineItems }))
        .then([ticketRejected(`menu item(s) ${UNKNOWN_ITEM} not on the menu of restaurant ${restaurantId}`, { lineItems })]);
    });

    it('cancels the ticket at once when the order was rejected before it was created', () => {
      given(ticket, [orderRejectionNoted()]).when(createTicket()).then([ticketCreated(), ticketCancelled()]);
    });

    it('rejects (and does not cancel) when the order was rejected first and the restaurant is closed', () => {
      given(ticket, [orderRejectionNoted()])
        .when(createTicket({ restaurant: anOpenRestaurant({ open: false }) }))
        .then([ticketRejected(`restaurant ${restaurantId} is closed`)]);
    });

    it.each(Object.entries(historyUntil))('decides nothing when the ticket is already %s (a duplicate order-created)', (_status, history) => {
      given(ticket, history()).when(createTicket()).then([]);
    });
  });

  describe('ConfirmTicket (orders.order.approved.v1)', () => {
    it('confirms a created ticket: AWAITING_ACCEPTANCE', () => {
      given(ticket, [ticketCreated()]).when(confirmTicket()).then([ticketConfirmed()]);
    });

    it.each(['AWAITING_ACCEPTANCE', 'ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP'] as const)('decides nothing when already %s (a duplicate)', (status) => {
      given(ticket, historyUntil[status]()).when(confirmTicket()).then([]);
    });

    it('refuses an approval for an order the kitchen never saw', () => {
      given(ticket, []).when(confirmTicket()).thenThrows(Codes.NotFound);
    });

    it.each(['REJECTED', 'CANCELLED'] as const)('refuses to confirm a %s ticket', (status) => {
      given(ticket, historyUntil[status]()).when(confirmTicket()).thenThrows(Codes.IllegalTransition);
    });
  });

  describe('CancelTicket (orders.order.rejected.v1)', () => {
    it.each(['CREATE_PENDING', 'AWAITING_ACCEPTANCE', 'ACCEPTED'] as const)('cancels a %s ticket with the order rejection reason', (status) => {
      given(ticket, historyUntil[status]()).when(cancelTicket()).then([ticketCancelled()]);
    });

    it('notes the rejection when it arrives before the ticket was created (nothing published yet)', () => {
      given(ticket, []).when(cancelTicket()).then([orderRejectionNoted()]);
    });

    it.each(['REJECTED', 'CANCELLED'] as const)('decides nothing for a %s ticket', (status) => {
      given(ticket, historyUntil[status]()).when(cancelTicket()).then([]);
    });

    it('decides nothing for a rejection it has already noted', () => {
      given(ticket, [orderRejectionNoted()]).when(cancelTicket()).then([]);
    });

    it.each(['PREPARING', 'READY_FOR_PICKUP'] as const)('refuses to cancel a ticket that is %s', (status) => {
      given(ticket, historyUntil[status]()).when(cancelTicket()).thenThrows(Codes.IllegalTransition);
    });
  });

  describe('AcceptTicket', () => {
    it('accepts a ticket awaiting acceptance with its readyBy: ACCEPTED', () => {
      given(ticket, historyUntil.AWAITING_ACCEPTANCE()).when(acceptTicket()).then([ticketAccepted()]);
    });

    it.each([
      ['equal to the time of the command', now],
      ['in the past', '2026-11-27T11:00:00.000Z'],
      ['not a date', 'soon'],
    ])('refuses a readyBy %s', (_case, value) => {
      given(ticket, historyUntil.AWAITING_ACCEPTANCE()).when(acceptTicket({ readyBy: value })).thenThrows(Codes.InvalidReadyBy);
    });

    it.each(['CREATE_PENDING', 'ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP', 'REJECTED', 'CANCELLED'] as const)(
      'refuses to accept a %s ticket',
      (status) => {
        given(ticket, historyUntil[status]()).when(acceptTicket()).thenThrows(Codes.IllegalTransition);
      },
    );

    it('refuses to accept a ticket that does not exist', () => {
      given(ticket, []).when(acceptTicket()).thenThrows(Codes.NotFound);
      given(ticket, [orderRejectionNoted()]).when(acceptTicket()).thenThrows(Codes.NotFound);
    });
  });

  describe('StartPreparing', () => {
    it('starts preparing an accepted ticket: PREPARING', () => {
      given(ticket, historyUntil.ACCEPTED()).when(startPreparing()).then([ticketPreparationStarted()]);
    });

    it.each(['CREATE_PENDING', 'AWAITING_ACCEPTANCE', 'PREPARING', 'READY_FOR_PICKUP', 'REJECTED', 'CANCELLED'] as const)(
      'refuses to start preparing a %s ticket',
      (status) => {
        given(ticket, historyUntil[status]()).when(startPreparing()).thenThrows(Codes.IllegalTransition);
      },
    );

    it('refuses a ticket that does not exist', () => {
      given(ticket, []).when(startPreparing()).thenThrows(Codes.NotFound);
    });
  });

  describe('MarkReadyForPickup', () => {
    it('marks a ticket in preparation ready: READY_FOR_PICKUP', () => {
      given(ticket, historyUntil.PREPARING()).when(markReadyForPickup()).then([ticketReadyForPickup()]);
    });

    it.each(['CREATE_PENDING', 'AWAITING_ACCEPTANCE', 'ACCEPTED', 'READY_FOR_PICKUP', 'REJECTED', 'CANCELLED'] as const)(
      'refuses to mark a %s ticket ready',
      (status) => {
        given(ticket, historyUntil[status]()).when(markReadyForPickup()).thenThrows(Codes.IllegalTransition);
      },
    );

    it('refuses a ticket that does not exist', () => {
      given(ticket, []).when(markReadyForPickup()).thenThrows(Codes.NotFound);
    });
  });

  describe('state', () => {
    it('follows the whole happy path and keeps lines and readyBy', () => {
      const state = fold(ticket, ticket.initialState(), historyUntil.READY_FOR_PICKUP());
      expect(ticket.initialState()).toEqual({ status: 'NONE' });
      expect(state).toEqual({ status: 'READY_FOR_PICKUP', ...ticketCreated().data, readyBy });
    });

    it('ends CANCELLED with the reason after a late creation', () => {
      const state = fold(ticket, ticket.initialState(), [orderRejectionNoted(), ticketCreated(), ticketCancelled()]);
      expect(state).toMatchObject({ status: 'CANCELLED', reason: ticketCancelled().data.reason, lineItems: ticketCreated().data.lineItems });
    });

    it('refuses a stream that confirms a ticket it never created (a corrupt stream is a bug)', () => {
      expect(() => fold(ticket, ticket.initialState(), [ticketConfirmed()])).toThrow(/without TicketCreated/);
    });
  });
});
