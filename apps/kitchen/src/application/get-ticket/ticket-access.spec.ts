import { AuthErrorCodes } from '@brigade/auth';
import type { Actor } from '@brigade/event-store';
import { fold } from '@brigade/domain';
import { historyUntil, orderId, orderRejectionNoted, restaurantId } from '../../../test/ticket.mothers';
import { ticketDecider } from '../../domain/ticket.decider';
import { TicketErrorCodes } from '../../domain/ticket.errors';
import type { TicketEvent } from '../../domain/ticket.events';
import { assertMayActOnTicket } from './ticket-access';

const stateAfter = (events: TicketEvent[]) => fold(ticketDecider, ticketDecider.initialState(), events);

const staff: Actor = { id: 'u-staff', role: 'restaurant', restaurantId };
const otherStaff: Actor = { id: 'u-other', role: 'restaurant', restaurantId: '6b3c1f0e-0000-4000-8000-000000000000' };
const consumer: Actor = { id: 'u-consumer', role: 'consumer', consumerId: restaurantId };
const courier: Actor = { id: 'u-courier', role: 'courier', courierId: restaurantId };
const admin: Actor = { id: 'u-admin', role: 'admin' };

describe('who may act on a ticket', () => {
  it("lets the restaurant's staff and admins act on it", () => {
    for (const actor of [staff, admin]) expect(() => assertMayActOnTicket(actor, orderId, stateAfter(historyUntil.ACCEPTED()))).not.toThrow();
  });

  it("refuses another restaurant's staff, consumers and couriers (403), even when an id happens to match", () => {
    for (const actor of [otherStaff, consumer, courier]) {
      expect(() => assertMayActOnTicket(actor, orderId, stateAfter(historyUntil.ACCEPTED()))).toThrow(expect.objectContaining({ code: AuthErrorCodes.forbidden, kind: 'forbidden' }));
    }
  });

  it('answers "not found" first, to anyone, for an order without a ticket', () => {
    for (const events of [[], [orderRejectionNoted()]]) {
      for (const actor of [staff, otherStaff, admin]) {
        expect(() => assertMayActOnTicket(actor, orderId, stateAfter(events))).toThrow(expect.objectContaining({ code: TicketErrorCodes.NotFound }));
      }
    }
  });
});
