import { fold } from '@brigade/domain';
import { historyUntil, orderId, orderRejectionNoted, readyBy, rejectionReason, restaurantId, ticketCreated } from '../../../test/ticket.mothers';
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
      version: 1,
    });
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
