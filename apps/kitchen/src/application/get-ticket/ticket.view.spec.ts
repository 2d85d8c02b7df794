import { fold } from '@brigade/domain';
import {
  historyUntil,
  orderId,
  orderRejectionNoted,
  readyBy,
  rejectionReason,
  restaurantId,
  revisedLines,
  ticketCreated,
  ticketRevised,
  ticketRevisionFinalized,
  ticketRevisionUndone,
} from '../../../test/ticket.mothers';
import { ticketDecider } from '../../domain/ticket.decider';
import { TicketErrorCodes } from '../../domain/ticket.errors';
import type { TicketEvent } from '../../domain/ticket.events';
import { toTicketView } from './ticket.view';

const stateAfter = (events: TicketEvent[]) => fold(ticketDecider, ticketDecider.initialState(), events);

describe('ticket view', () => {
  it('shows a new ticket with its lines, no readyBy and no reason', () => {
    expect(toTicketView(orderId, stateAfter(historyUntil.CREATE_PENDING()), 1)).toEqual({
      orderId,
      restaurantId,
      state: 'CREATE_PENDING',
      lineItems: ticketCreated().data.lineItems,
      readyBy: null,
      reason: null,
      pendingRevision: null,
      version: 1,
    });
  });

  it('shows the lines of a pending revision and its number; once decided, the lines it left and no pending revision', () => {
    const revised = [...historyUntil.ACCEPTED(), ticketRevised(2)];
    expect(toTicketView(orderId, stateAfter(revised), 4)).toMatchObject({ state: 'ACCEPTED', lineItems: revisedLines(), pendingRevision: 2, readyBy });
    expect(toTicketView(orderId, stateAfter([...revised, ticketRevisionFinalized(2)]), 5)).toMatchObject({ lineItems: revisedLines(), pendingRevision: null });
    expect(toTicketView(orderId, stateAfter([...revised, ticketRevisionUndone(2)]), 5)).toMatchObject({
      lineItems: ticketCreated().data.lineItems,
      pendingRevision: null,
    });
  });

  it('shows a ticket the courier took as PICKED_UP', () => {
    expect(toTicketView(orderId, stateAfter(historyUntil.PICKED_UP()), 6)).toMatchObject({ state: 'PICKED_UP', readyBy, reason: null, pendingRevision: null });
  });

  it('shows readyBy once accepted, and the reason of a cancelled ticket', () => {
    expect(toTicketView(orderId, stateAfter(historyUntil.PREPARING()), 4)).toMatchObject({ state: 'PREPARING', readyBy, version: 4 });
    expect(toTicketView(orderId, stateAfter(historyUntil.CANCELLED()), 2)).toMatchObject({ state: 'CANCELLED', reason: rejectionReason });
  });

  it('refuses an order without a ticket as not found, also when only its rejection is known', () => {
    for (const events of [[], [orderRejectionNoted()]]) {
      expect(() => toTicketView(orderId, stateAfter(events), events.length)).toThrow(expect.objectContaining({ code: TicketErrorCodes.NotFound }));
    }
  });
});
