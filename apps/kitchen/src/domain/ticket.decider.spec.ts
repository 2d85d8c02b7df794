import { fold } from '@brigade/domain';
import { given } from '@brigade/testing';
import {
  acceptTicket,
  aLineItem,
  anOpenRestaurant,
  answerCancelRequest,
  cancelTicket,
  confirmTicket,
  createTicket,
  finalizeRevision,
  historyUntil,
  markPickedUp,
  markReadyForPickup,
  now,
  orderId,
  orderRejectionNoted,
  readyBy,
  restaurantId,
  reviseTicket,
  revisedLines,
  startPreparing,
  ticketAccepted,
  ticketCancellationRefused,
  ticketCancelled,
  ticketConfirmed,
  ticketCreated,
  ticketPickedUp,
  ticketPreparationStarted,
  ticketReadyForPickup,
  ticketRejected,
  ticketRevised,
  ticketRevisionFinalized,
  ticketRevisionRefused,
  ticketRevisionUndone,
  undoRevision,
} from '../../test/ticket.mothers';
import { NO_TICKET, ORDER_CANCELLED, ticketDecider as ticket } from './ticket.decider';
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

    it.each(['AWAITING_ACCEPTANCE', 'ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP'] as const)('decides nothing when already %s (a duplicate)', (status) => {
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

    it.each(['PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP'] as const)('refuses to cancel a ticket that is %s', (status) => {
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

    it.each(['CREATE_PENDING', 'ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP', 'REJECTED', 'CANCELLED'] as const)(
      'refuses to accept a %s ticket',
      (status) => {
        given(ticket, historyUntil[status]()).when(acceptTicket()).thenThrows(Codes.IllegalTransition);
      },
    );

    it('refuses to accept while a revision the ticket took is undecided (409 REVISION_PENDING), and accepts once it is final or undone', () => {
      const pending = [...historyUntil.AWAITING_ACCEPTANCE(), ticketRevised(1)];
      given(ticket, pending).when(acceptTicket()).thenThrows(Codes.RevisionPending);
      given(ticket, [...pending, ticketRevisionFinalized(1)]).when(acceptTicket()).then([ticketAccepted()]);
      given(ticket, [...pending, ticketRevisionUndone(1)]).when(acceptTicket()).then([ticketAccepted()]);
    });

    it('refuses to accept a ticket that does not exist', () => {
      given(ticket, []).when(acceptTicket()).thenThrows(Codes.NotFound);
      given(ticket, [orderRejectionNoted()]).when(acceptTicket()).thenThrows(Codes.NotFound);
    });
  });

  describe('StartPreparing', () => {
    it('starts preparing an accepted ticket: PREPARING', () => {
      given(ticket, historyUntil.ACCEPTED()).when(startPreparing()).then([ticketPreparationStarted()]);
    });

    it.each(['CREATE_PENDING', 'AWAITING_ACCEPTANCE', 'PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP', 'REJECTED', 'CANCELLED'] as const)(
      'refuses to start preparing a %s ticket',
      (status) => {
        given(ticket, historyUntil[status]()).when(startPreparing()).thenThrows(Codes.IllegalTransition);
      },
    );

    it('refuses to start preparing while a revision the ticket took is undecided (409 REVISION_PENDING), and starts once it is final or undone', () => {
      const pending = [...historyUntil.ACCEPTED(), ticketRevised(1)];
      given(ticket, pending).when(startPreparing()).thenThrows(Codes.RevisionPending);
      given(ticket, [...pending, ticketRevisionFinalized(1)]).when(startPreparing()).then([ticketPreparationStarted()]);
      given(ticket, [...pending, ticketRevisionUndone(1)]).when(startPreparing()).then([ticketPreparationStarted()]);
    });

    it('refuses a ticket that does not exist', () => {
      given(ticket, []).when(startPreparing()).thenThrows(Codes.NotFound);
    });
  });

  describe('MarkReadyForPickup', () => {
    it('marks a ticket in preparation ready: READY_FOR_PICKUP', () => {
      given(ticket, historyUntil.PREPARING()).when(markReadyForPickup()).then([ticketReadyForPickup()]);
    });

    it.each(['CREATE_PENDING', 'AWAITING_ACCEPTANCE', 'ACCEPTED', 'READY_FOR_PICKUP', 'PICKED_UP', 'REJECTED', 'CANCELLED'] as const)(
      'refuses to mark a %s ticket ready',
      (status) => {
        given(ticket, historyUntil[status]()).when(markReadyForPickup()).thenThrows(Codes.IllegalTransition);
      },
    );

    it('refuses a ticket that does not exist', () => {
      given(ticket, []).when(markReadyForPickup()).thenThrows(Codes.NotFound);
    });
  });

  describe('MarkPickedUp (delivery.delivery.picked-up.v1)', () => {
    it('closes a ticket ready for pickup: PICKED_UP', () => {
      given(ticket, historyUntil.READY_FOR_PICKUP()).when(markPickedUp()).then([ticketPickedUp()]);
    });

    it('decides nothing when already PICKED_UP (a repeated pickup)', () => {
      given(ticket, historyUntil.PICKED_UP()).when(markPickedUp()).then([]);
    });

    it.each(['CREATE_PENDING', 'AWAITING_ACCEPTANCE', 'ACCEPTED', 'PREPARING', 'REJECTED', 'CANCELLED'] as const)(
      'refuses a pickup of a %s ticket (delivery picks up only what the kitchen said is ready)',
      (status) => {
        given(ticket, historyUntil[status]()).when(markPickedUp()).thenThrows(Codes.IllegalTransition);
      },
    );

    it('refuses a pickup of a ticket that does not exist', () => {
      given(ticket, []).when(markPickedUp()).thenThrows(Codes.NotFound);
    });
  });

  describe('AnswerCancelRequest (orders.order.cancel-requested.v1)', () => {
    it.each(['AWAITING_ACCEPTANCE', 'ACCEPTED', 'CREATE_PENDING'] as const)("cancels a %s ticket: cancelled with reason 'order cancelled'", (status) => {
      given(ticket, historyUntil[status]()).when(answerCancelRequest()).then([ticketCancelled(ORDER_CANCELLED)]);
    });

    it.each(['PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP', 'REJECTED'] as const)('refuses to cancel a %s ticket, naming the state', (status) => {
      given(ticket, historyUntil[status]()).when(answerCancelRequest()).then([ticketCancellationRefused(`ticket is ${status}`)]);
    });

    it('decides nothing for a ticket already CANCELLED: a repeated request, or one after the order was rejected', () => {
      given(ticket, [...historyUntil.ACCEPTED(), ticketCancelled(ORDER_CANCELLED)]).when(answerCancelRequest()).then([]);
      given(ticket, historyUntil.CANCELLED()).when(answerCancelRequest()).then([]);
    });

    it("refuses with 'no ticket' for an order the kitchen has no ticket for, so that the order's saga hears an answer", () => {
      given(ticket, []).when(answerCancelRequest()).then([ticketCancellationRefused(NO_TICKET)]);
      given(ticket, [orderRejectionNoted()]).when(answerCancelRequest()).then([ticketCancellationRefused(NO_TICKET)]);
    });

    it.each(['AWAITING_ACCEPTANCE', 'ACCEPTED'] as const)('refuses to cancel a %s ticket while a revision it took is undecided, saying so', (status) => {
      given(ticket, [...historyUntil[status](), ticketRevised(2)])
        .when(answerCancelRequest())
        .then([ticketCancellationRefused('ticket has revision 2 pending')]);
    });

    describe('racing the kitchen starting to prepare', () => {
      it('preparing first: the cancel request is refused, the ticket is PREPARING', () => {
        given(ticket, [...historyUntil.ACCEPTED(), ticketPreparationStarted()])
          .when(answerCancelRequest())
          .then([ticketCancellationRefused('ticket is PREPARING')]);
      });

      it('cancel first: preparing is refused (409), the ticket is CANCELLED', () => {
        const cancelled = [...historyUntil.ACCEPTED(), ticketCancelled(ORDER_CANCELLED)];
        given(ticket, cancelled).when(startPreparing()).thenThrows(Codes.IllegalTransition);
        expect(() => ticket.decide(startPreparing(), fold(ticket, ticket.initialState(), cancelled))).toThrow(
          expect.objectContaining({ details: { orderId, state: 'CANCELLED' } }),
        );
      });
    });
  });

  describe('ReviseTicket (orders.order.revision-proposed.v1)', () => {
    it.each(['AWAITING_ACCEPTANCE', 'ACCEPTED'] as const)("takes the revision's lines on a %s ticket: revised", (status) => {
      given(ticket, historyUntil[status]()).when(reviseTicket(1)).then([ticketRevised(1)]);
    });

    it.each(['CREATE_PENDING', 'PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP', 'REJECTED', 'CANCELLED'] as const)(
      'refuses to revise a %s ticket, naming the state',
      (status) => {
        given(ticket, historyUntil[status]()).when(reviseTicket(1)).then([ticketRevisionRefused(`ticket is ${status}`, 1)]);
      },
    );

    it("refuses with 'no ticket' for an order the kitchen has no ticket for", () => {
      given(ticket, []).when(reviseTicket(1)).then([ticketRevisionRefused(NO_TICKET, 1)]);
      given(ticket, [orderRejectionNoted()]).when(reviseTicket(1)).then([ticketRevisionRefused(NO_TICKET, 1)]);
    });

    it('refuses another revision while one it took is undecided, saying so', () => {
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1)])
        .when(reviseTicket(2))
        .then([ticketRevisionRefused('ticket has revision 1 pending', 2)]);
    });

    it('decides nothing for a revision it answered already (the same proposal again), whatever it answered', () => {
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1)]).when(reviseTicket(1)).then([]);
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1), ticketRevisionFinalized(1)]).when(reviseTicket(1)).then([]);
      given(ticket, [...historyUntil.PREPARING(), ticketRevisionRefused('ticket is PREPARING', 1)]).when(reviseTicket(1)).then([]);
    });

    it('takes the next revision once the order decided the previous one', () => {
      const lines = [aLineItem({ quantity: 5 })];
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1), ticketRevisionFinalized(1)]).when(reviseTicket(2, lines)).then([ticketRevised(2, lines)]);
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1), ticketRevisionUndone(1)]).when(reviseTicket(2, lines)).then([ticketRevised(2, lines)]);
    });
  });

  describe('FinalizeRevision (orders.order.revised.v1)', () => {
    it('makes the revision the ticket took final', () => {
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1)]).when(finalizeRevision(1)).then([ticketRevisionFinalized(1)]);
    });

    it('decides nothing for a revision that is not pending: repeated, refused, another one, or no ticket', () => {
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1), ticketRevisionFinalized(1)]).when(finalizeRevision(1)).then([]);
      given(ticket, [...historyUntil.PREPARING(), ticketRevisionRefused('ticket is PREPARING', 1)]).when(finalizeRevision(1)).then([]);
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1)]).when(finalizeRevision(2)).then([]);
      given(ticket, []).when(finalizeRevision(1)).then([]);
    });
  });

  describe('UndoRevision (orders.order.revision-rejected.v1)', () => {
    it.each(['AWAITING_ACCEPTANCE', 'ACCEPTED'] as const)('restores the lines a %s ticket had before the revision it took: revision undone', (status) => {
      given(ticket, [...historyUntil[status](), ticketRevised(1)])
        .when(undoRevision(1))
        .then([ticketRevisionUndone(1, ticketCreated().data.lineItems)]);
    });

    it('decides nothing for a revision the ticket never took (it refused it, or never saw it), or has no ticket', () => {
      given(ticket, [...historyUntil.PREPARING(), ticketRevisionRefused('ticket is PREPARING', 1)]).when(undoRevision(1)).then([]);
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1), ticketRevisionRefused('ticket has revision 1 pending', 2)]).when(undoRevision(2)).then([]);
      given(ticket, historyUntil.ACCEPTED()).when(undoRevision(1)).then([]);
      given(ticket, []).when(undoRevision(1)).then([]);
    });

    it('decides nothing for a revision already undone or final (a repeat)', () => {
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1), ticketRevisionUndone(1)]).when(undoRevision(1)).then([]);
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1), ticketRevisionFinalized(1)]).when(undoRevision(1)).then([]);
    });

    it('restores the lines of the final revision before, not the first ones', () => {
      const second = [aLineItem({ quantity: 5 })];
      given(ticket, [...historyUntil.ACCEPTED(), ticketRevised(1), ticketRevisionFinalized(1), ticketRevised(2, second)])
        .when(undoRevision(2))
        .then([ticketRevisionUndone(2, revisedLines())]);
    });
  });

  describe('state', () => {
    it('follows the whole happy path and keeps lines and readyBy', () => {
      const state = fold(ticket, ticket.initialState(), historyUntil.READY_FOR_PICKUP());
      expect(ticket.initialState()).toEqual({ status: 'NONE' });
      expect(state).toEqual({ status: 'READY_FOR_PICKUP', ...ticketCreated().data, readyBy });
    });

    it('ends PICKED_UP, keeping readyBy', () => {
      expect(fold(ticket, ticket.initialState(), historyUntil.PICKED_UP())).toEqual({ status: 'PICKED_UP', ...ticketCreated().data, readyBy });
    });

    it('shows a pending revision with its lines, keeping the previous ones; final keeps the new lines, undone the previous', () => {
      const revised = [...historyUntil.ACCEPTED(), ticketRevised(1)];
      const previousLineItems = ticketCreated().data.lineItems;
      expect(fold(ticket, ticket.initialState(), revised)).toEqual({
        status: 'ACCEPTED',
        orderId,
        restaurantId,
        readyBy,
        lineItems: revisedLines(),
        lastRevision: 1,
        pendingRevision: { revision: 1, previousLineItems },
      });
      const final = fold(ticket, ticket.initialState(), [...revised, ticketRevisionFinalized(1)]);
      expect(final).toEqual({ status: 'ACCEPTED', orderId, restaurantId, readyBy, lineItems: revisedLines(), lastRevision: 1 });
      const undone = fold(ticket, ticket.initialState(), [...revised, ticketRevisionUndone(1)]);
      expect(undone).toEqual({ status: 'ACCEPTED', orderId, restaurantId, readyBy, lineItems: previousLineItems, lastRevision: 1 });
    });

    it('remembers a refused revision and nothing else; a refused cancellation changes nothing', () => {
      const preparing = fold(ticket, ticket.initialState(), historyUntil.PREPARING());
      expect(fold(ticket, preparing, [ticketRevisionRefused('ticket is PREPARING', 3)])).toEqual({ ...preparing, lastRevision: 3 });
      expect(fold(ticket, preparing, [ticketCancellationRefused('ticket is PREPARING')])).toEqual(preparing);
      expect(fold(ticket, ticket.initialState(), [ticketCancellationRefused(NO_TICKET), ticketRevisionRefused(NO_TICKET)])).toEqual({ status: 'NONE' });
    });

    it('ends CANCELLED with the reason after a late creation', () => {
      const state = fold(ticket, ticket.initialState(), [orderRejectionNoted(), ticketCreated(), ticketCancelled()]);
      expect(state).toMatchObject({ status: 'CANCELLED', reason: ticketCancelled().data.reason, lineItems: ticketCreated().data.lineItems });
    });

    it('refuses a stream that confirms a ticket it never created (a corrupt stream is a bug)', () => {
      expect(() => fold(ticket, ticket.initialState(), [ticketConfirmed()])).toThrow(/without TicketCreated/);
    });

    it('refuses a stream that revises a ticket already being prepared (a corrupt stream is a bug)', () => {
      expect(() => fold(ticket, ticket.initialState(), [...historyUntil.PREPARING(), ticketRevised(1)])).toThrow(/TicketRevised on a PREPARING ticket/);
    });
  });
});
