import { exampleOf } from '@brigade/contracts/core';
import { ticketAcceptedV1, TicketAcceptedV1 } from './ticket-accepted.v1';
import { ticketCancelledV1, TicketCancelledV1 } from './ticket-cancelled.v1';
import { ticketConfirmedV1, TicketConfirmedV1 } from './ticket-confirmed.v1';
import { ticketCreatedV1, TicketCreatedV1 } from './ticket-created.v1';
import { ticketPreparingV1, TicketPreparingV1 } from './ticket-preparing.v1';
import { ticketReadyForPickupV1, TicketReadyForPickupV1 } from './ticket-ready-for-pickup.v1';
import { ticketRejectedV1, TicketRejectedV1 } from './ticket-rejected.v1';

/** Every contract this context publishes. */
export const kitchenContracts = [
  ticketCreatedV1,
  ticketRejectedV1,
  ticketConfirmedV1,
  ticketCancelledV1,
  ticketAcceptedV1,
  ticketPreparingV1,
  ticketReadyForPickupV1,
] as const;

// Object mothers: a valid payload, with what the test cares about overridden.
export const aTicketCreatedV1 = (overrides: Partial<TicketCreatedV1> = {}): TicketCreatedV1 => exampleOf(ticketCreatedV1, overrides);
export const aTicketRejectedV1 = (overrides: Partial<TicketRejectedV1> = {}): TicketRejectedV1 => exampleOf(ticketRejectedV1, overrides);
export const aTicketConfirmedV1 = (overrides: Partial<TicketConfirmedV1> = {}): TicketConfirmedV1 => exampleOf(ticketConfirmedV1, overrides);
export const aTicketCancelledV1 = (overrides: Partial<TicketCancelledV1> = {}): TicketCancelledV1 => exampleOf(ticketCancelledV1, overrides);
export const aTicketAcceptedV1 = (overrides: Partial<TicketAcceptedV1> = {}): TicketAcceptedV1 => exampleOf(ticketAcceptedV1, overrides);
export const aTicketPreparingV1 = (overrides: Partial<TicketPreparingV1> = {}): TicketPreparingV1 => exampleOf(ticketPreparingV1, overrides);
export const aTicketReadyForPickupV1 = (overrides: Partial<TicketReadyForPickupV1> = {}): TicketReadyForPickupV1 =>
  exampleOf(ticketReadyForPickupV1, overrides);
