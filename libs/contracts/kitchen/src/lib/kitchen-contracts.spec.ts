import { aTicketAcceptedV1, aTicketCreatedV1, aTicketRejectedV1, kitchenContracts } from './kitchen-contracts';
import { ticketAcceptedV1 } from './ticket-accepted.v1';
import { ticketCreatedV1 } from './ticket-created.v1';
import { ticketRejectedV1 } from './ticket-rejected.v1';

describe('kitchen contracts', () => {
  it.each(kitchenContracts.map((c) => [c.subject, c] as const))('%s: the example fixture satisfies its schema', (_subject, contract) => {
    expect(contract.parse(contract.example)).toEqual(contract.example);
  });

  it('names every subject kitchen.ticket.<event>.v1', () => {
    expect(kitchenContracts.map((c) => c.subject)).toEqual([
      'kitchen.ticket.created.v1',
      'kitchen.ticket.rejected.v1',
      'kitchen.ticket.confirmed.v1',
      'kitchen.ticket.cancelled.v1',
      'kitchen.ticket.accepted.v1',
      'kitchen.ticket.preparing.v1',
      'kitchen.ticket.ready-for-pickup.v1',
      'kitchen.ticket.picked-up.v1',
      'kitchen.ticket.cancel-refused.v1',
      'kitchen.ticket.revised.v1',
      'kitchen.ticket.revision-refused.v1',
      'kitchen.ticket.revision-undone.v1',
    ]);
  });

  it('refuses a ticket without line items', () => {
    expect(() => ticketCreatedV1.parse(aTicketCreatedV1({ lineItems: [] }))).toThrow(/lineItems/);
  });

  it('refuses a line with a quantity outside 1..100 and fields the contract does not declare', () => {
    const [line] = aTicketCreatedV1().lineItems;
    expect(() => ticketCreatedV1.parse(aTicketCreatedV1({ lineItems: [{ ...line, quantity: 0 }] }))).toThrow(/quantity/);
    expect(() => ticketCreatedV1.parse({ ...aTicketCreatedV1(), orderTotalCents: 1 })).toThrow(/orderTotalCents/);
  });

  it('refuses an empty rejection reason and a readyBy that is not an ISO date-time', () => {
    expect(() => ticketRejectedV1.parse(aTicketRejectedV1({ reason: '' }))).toThrow(/reason/);
    expect(() => ticketAcceptedV1.parse(aTicketAcceptedV1({ readyBy: 'in ten minutes' }))).toThrow(/readyBy/);
  });
});
