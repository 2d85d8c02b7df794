import {
  aTicketCreatedV1,
  ticketAcceptedV1,
  ticketCancelledV1,
  ticketCancelRefusedV1,
  ticketConfirmedV1,
  ticketCreatedV1,
  ticketPickedUpV1,
  ticketPreparingV1,
  ticketReadyForPickupV1,
  ticketRejectedV1,
  ticketRevisedV1,
  ticketRevisionRefusedV1,
  ticketRevisionUndoneV1,
} from '@brigade/contracts/kitchen';
import type { StoredEvent } from '@brigade/event-store';
import {
  orderId,
  orderRejectionNoted,
  readyBy,
  rejectionReason,
  restaurantId,
  revisedLines,
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
} from '../../test/ticket.mothers';
import type { TicketEvent } from '../domain/ticket.events';
import { mapTicketEvent } from './ticket-event.mapper';

function stored(event: TicketEvent): StoredEvent {
  return {
    eventId: 'f0c5a3c2-9a9e-4f3c-8d55-1e2f3a4b5c6d',
    streamId: orderId,
    streamType: 'ticket',
    streamVersion: 1,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'a', role: 'system' }, occurredAt: '2026-11-27T10:00:00.000Z' },
    position: { transactionId: '1', sequence: '1' },
    recordedAt: new Date('2026-11-27T10:00:00.000Z'),
  };
}

const ref = { orderId, restaurantId };

describe('ticket event mapper', () => {
  it('publishes TicketCreated as kitchen.ticket.created.v1 with its lines', () => {
    const mapped = mapTicketEvent(stored(ticketCreated()));
    expect(mapped?.subject).toBe(ticketCreatedV1.subject);
    expect(ticketCreatedV1.parse(mapped?.payload)).toEqual(ticketCreated().data);
    expect(Object.keys(mapped?.payload ?? {}).sort()).toEqual(Object.keys(aTicketCreatedV1()).sort());
  });

  it('publishes TicketRejected as kitchen.ticket.rejected.v1 with the reason and without the lines', () => {
    const mapped = mapTicketEvent(stored(ticketRejected('restaurant is closed')));
    expect(mapped?.subject).toBe(ticketRejectedV1.subject);
    expect(ticketRejectedV1.parse(mapped?.payload)).toEqual({ ...ref, reason: 'restaurant is closed' });
  });

  it.each([
    ['TicketConfirmed', ticketConfirmed(), ticketConfirmedV1, ref],
    ['TicketCancelled', ticketCancelled(), ticketCancelledV1, { ...ref, reason: rejectionReason }],
    ['TicketAccepted', ticketAccepted(), ticketAcceptedV1, { ...ref, readyBy }],
    ['TicketPreparationStarted', ticketPreparationStarted(), ticketPreparingV1, ref],
    ['TicketReadyForPickup', ticketReadyForPickup(), ticketReadyForPickupV1, ref],
    ['TicketPickedUp', ticketPickedUp(), ticketPickedUpV1, ref],
    ['TicketCancellationRefused', ticketCancellationRefused('ticket is PREPARING'), ticketCancelRefusedV1, { ...ref, reason: 'ticket is PREPARING' }],
    ['TicketRevised', ticketRevised(2), ticketRevisedV1, { ...ref, revision: 2, lineItems: revisedLines() }],
    [
      'TicketRevisionRefused',
      ticketRevisionRefused('ticket has revision 1 pending', 2),
      ticketRevisionRefusedV1,
      { ...ref, revision: 2, reason: 'ticket has revision 1 pending' },
    ],
    ['TicketRevisionUndone', ticketRevisionUndone(2), ticketRevisionUndoneV1, { ...ref, revision: 2, lineItems: ticketCreated().data.lineItems }],
  ] as const)('publishes %s on its contract', (_type, event, contract, payload) => {
    const mapped = mapTicketEvent(stored(event));
    expect(mapped?.subject).toBe(contract.subject);
    expect(contract.parse(mapped?.payload)).toEqual(payload);
  });

  it.each([
    ['OrderRejectionNoted', orderRejectionNoted()],
    ['TicketRevisionFinalized', ticketRevisionFinalized(1)],
  ] as const)('keeps %s inside the kitchen (not published: orders decided it)', (_type, event) => {
    expect(mapTicketEvent(stored(event))).toBeNull();
  });

  it('never lets a field the domain keeps on revised or restored lines leak onto the wire', () => {
    for (const event of [ticketRevised(1), ticketRevisionUndone(1)]) {
      const withInternals = { ...event, data: { ...event.data, lineItems: event.data.lineItems.map((l) => ({ ...l, priceCents: 1 })) } };
      expect(JSON.stringify(mapTicketEvent(stored(withInternals as TicketEvent))?.payload)).not.toMatch(/priceCents/);
    }
  });

  it('never lets a field the domain adds to its events leak onto the wire', () => {
    const created = ticketCreated();
    const withInternals = { ...created, data: { ...created.data, station: 'tandoor', lineItems: [{ ...created.data.lineItems[0], priceCents: 1 }] } };
    const mapped = mapTicketEvent(stored(withInternals as TicketEvent));
    expect(() => ticketCreatedV1.parse(mapped?.payload)).not.toThrow();
    expect(JSON.stringify(mapped?.payload)).not.toMatch(/station|priceCents/);
  });

  it('refuses an event type it does not know (a bug, never silently skipped)', () => {
    expect(() => mapTicketEvent(stored({ type: 'TicketBurnt', data: {} } as never))).toThrow(/TicketBurnt/);
  });
});
