import { exampleOf } from '@brigade/contracts/core';
import { ticketAcceptedV1, TicketAcceptedV1 } from './ticket-accepted.v1';
import { ticketCancelRefusedV1, TicketCancelRefusedV1 } from './ticket-cancel-refused.v1';
import { ticketCancelledV1, TicketCancelledV1 } from './ticket-cancelled.v1';
import { ticketConfirmedV1, TicketConfirmedV1 } from './ticket-confirmed.v1';
import { ticketCreatedV1, TicketCreatedV1 } from './ticket-created.v1';
import { ticketPickedUpV1, TicketPickedUpV1 } from './ticket-picked-up.v1';
import { ticketPreparingV1, TicketPreparingV1 } from './ticket-preparing.v1';
import { ticketReadyForPickupV1, TicketReadyForPickupV1 } from './ticket-ready-for-pickup.v1';
import { ticketRejectedV1, TicketRejectedV1 } from './ticket-rejected.v1';
import { ticketRevisedV1, TicketRevisedV1 } from './ticket-revised.v1';
import { ticketRevisionRefusedV1, TicketRevisionRefusedV1 } from './ticket-revision-refused.v1';
import { ticketRevisionUndoneV1, TicketRevisionUndoneV1 } from './ticket-revision-undone.v1';

/** Every contract this context publishes. */
export const kitchenContracts = [
  ticketCreatedV1,
  ticketRejectedV1,
  ticketConfirmedV1,
  ticketCancelledV1,
  ticketAcceptedV1,
  ticketPreparingV1,
  ticketReadyForPickupV1,
  ticketPickedUpV1,
  ticketCancelRefusedV1,
  ticketRevisedV1,
  ticketRevisionRefusedV1,
  ticketRevisionUndoneV1,
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
export const aTicketPickedUpV1 = (overrides: Partial<TicketPickedUpV1> = {}): TicketPickedUpV1 => exampleOf(ticketPickedUpV1, overrides);
export const aTicketCancelRefusedV1 = (overrides: Partial<TicketCancelRefusedV1> = {}): TicketCancelRefusedV1 =>
  exampleOf(ticketCancelRefusedV1, overrides);
export const aTicketRevisedV1 = (overrides: Partial<TicketRevisedV1> = {}): TicketRevisedV1 => exampleOf(ticketRevisedV1, overrides);
export const aTicketRevisionRefusedV1 = (overrides: Partial<TicketRevisionRefusedV1> = {}): TicketRevisionRefusedV1 =>
  exampleOf(ticketRevisionRefusedV1, overrides);
export const aTicketRevisionUndoneV1 = (overrides: Partial<TicketRevisionUndoneV1> = {}): TicketRevisionUndoneV1 =>
  exampleOf(ticketRevisionUndoneV1, overrides);
