// Object mothers for the kitchen app's tests: a valid value, with what the test cares about overridden.
import type {
  AcceptTicket,
  AnswerCancelRequest,
  CancelTicket,
  ConfirmTicket,
  CreateTicket,
  FinalizeRevision,
  MarkPickedUp,
  MarkReadyForPickup,
  RestaurantSnapshot,
  ReviseTicket,
  StartPreparing,
  UndoRevision,
} from '../src/domain/ticket.commands';
import type {
  OrderRejectionNoted,
  TicketAccepted,
  TicketCancellationRefused,
  TicketCancelled,
  TicketConfirmed,
  TicketCreated,
  TicketLineItem,
  TicketPickedUp,
  TicketPreparationStarted,
  TicketReadyForPickup,
  TicketRejected,
  TicketRevised,
  TicketRevisionFinalized,
  TicketRevisionRefused,
  TicketRevisionUndone,
} from '../src/domain/ticket.events';

export const orderId = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01';
export const restaurantId = '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01';
export const now = '2026-11-27T12:00:00.000Z';
export const readyBy = '2026-11-27T12:30:00.000Z';
export const rejectionReason = 'accounting: total 2997 exceeds available credit 1000';

export const aLineItem = (overrides: Partial<TicketLineItem> = {}): TicketLineItem => ({
  menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01',
  name: 'Chicken Vindaloo',
  quantity: 2,
  ...overrides,
});
export const aSecondLineItem = (overrides: Partial<TicketLineItem> = {}): TicketLineItem =>
  aLineItem({ menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c02', name: 'Garlic Naan', quantity: 1, ...overrides });

export const anOpenRestaurant = (overrides: Partial<RestaurantSnapshot> = {}): RestaurantSnapshot => ({
  open: true,
  menuItemIds: [aLineItem().menuItemId, aSecondLineItem().menuItemId],
  ...overrides,
});

export const createTicket = (overrides: Partial<CreateTicket['data']> = {}): CreateTicket => ({
  type: 'CreateTicket',
  data: { orderId, restaurantId, lineItems: [aLineItem(), aSecondLineItem()], restaurant: anOpenRestaurant(), ...overrides },
});
export const confirmTicket = (): ConfirmTicket => ({ type: 'ConfirmTicket', data: { orderId } });
export const cancelTicket = (reason = rejectionReason): CancelTicket => ({ type: 'CancelTicket', data: { orderId, restaurantId, reason } });
export const acceptTicket = (overrides: Partial<AcceptTicket['data']> = {}): AcceptTicket => ({
  type: 'AcceptTicket',
  data: { orderId, readyBy, now, ...overrides },
});
export const startPreparing = (): StartPreparing => ({ type: 'StartPreparing', data: { orderId } });
export const markReadyForPickup = (): MarkReadyForPickup => ({ type: 'MarkReadyForPickup', data: { orderId } });
export const markPickedUp = (): MarkPickedUp => ({ type: 'MarkPickedUp', data: { orderId } });
export const answerCancelRequest = (): AnswerCancelRequest => ({ type: 'AnswerCancelRequest', data: { orderId, restaurantId } });
/** Revision `revision` of the order: three vindaloos instead of two, no naan. */
export const revisedLines = (): TicketLineItem[] => [aLineItem({ quantity: 3 })];
export const reviseTicket = (revision = 1, lineItems = revisedLines()): ReviseTicket => ({
  type: 'ReviseTicket',
  data: { orderId, restaurantId, revision, lineItems },
});
export const finalizeRevision = (revision = 1): FinalizeRevision => ({ type: 'FinalizeRevision', data: { orderId, revision } });
export const undoRevision = (revision = 1): UndoRevision => ({ type: 'UndoRevision', data: { orderId, revision } });

export const ticketCreated = (overrides: Partial<TicketCreated['data']> = {}): TicketCreated => ({
  type: 'TicketCreated',
  data: { orderId, restaurantId, lineItems: [aLineItem(), aSecondLineItem()], ...overrides },
});
export const ticketRejected = (reason: string, overrides: Partial<TicketRejected['data']> = {}): TicketRejected => ({
  type: 'TicketRejected',
  data: { ...ticketCreated().data, reason, ...overrides },
});
export const ticketConfirmed = (): TicketConfirmed => ({ type: 'TicketConfirmed', data: { orderId, restaurantId } });
export const ticketCancelled = (reason = rejectionReason): TicketCancelled => ({ type: 'TicketCancelled', data: { orderId, restaurantId, reason } });
export const orderRejectionNoted = (reason = rejectionReason): OrderRejectionNoted => ({
  type: 'OrderRejectionNoted',
  data: { orderId, restaurantId, reason },
});
export const ticketAccepted = (): TicketAccepted => ({ type: 'TicketAccepted', data: { orderId, restaurantId, readyBy } });
export const ticketPreparationStarted = (): TicketPreparationStarted => ({ type: 'TicketPreparationStarted', data: { orderId, restaurantId } });
export const ticketReadyForPickup = (): TicketReadyForPickup => ({ type: 'TicketReadyForPickup', data: { orderId, restaurantId } });
export const ticketPickedUp = (): TicketPickedUp => ({ type: 'TicketPickedUp', data: { orderId, restaurantId } });
export const ticketCancellationRefused = (reason: string): TicketCancellationRefused => ({
  type: 'TicketCancellationRefused',
  data: { orderId, restaurantId, reason },
});
export const ticketRevised = (revision = 1, lineItems = revisedLines()): TicketRevised => ({
  type: 'TicketRevised',
  data: { orderId, restaurantId, revision, lineItems },
});
export const ticketRevisionRefused = (reason: string, revision = 1): TicketRevisionRefused => ({
  type: 'TicketRevisionRefused',
  data: { orderId, restaurantId, revision, reason },
});
export const ticketRevisionFinalized = (revision = 1): TicketRevisionFinalized => ({
  type: 'TicketRevisionFinalized',
  data: { orderId, restaurantId, revision },
});
export const ticketRevisionUndone = (revision = 1, lineItems = ticketCreated().data.lineItems): TicketRevisionUndone => ({
  type: 'TicketRevisionUndone',
  data: { orderId, restaurantId, revision, lineItems },
});

/** The history of a ticket that reached `status` on the happy path. */
export const historyUntil = {
  CREATE_PENDING: () => [ticketCreated()],
  AWAITING_ACCEPTANCE: () => [ticketCreated(), ticketConfirmed()],
  ACCEPTED: () => [ticketCreated(), ticketConfirmed(), ticketAccepted()],
  PREPARING: () => [ticketCreated(), ticketConfirmed(), ticketAccepted(), ticketPreparationStarted()],
  READY_FOR_PICKUP: () => [ticketCreated(), ticketConfirmed(), ticketAccepted(), ticketPreparationStarted(), ticketReadyForPickup()],
  PICKED_UP: () => [ticketCreated(), ticketConfirmed(), ticketAccepted(), ticketPreparationStarted(), ticketReadyForPickup(), ticketPickedUp()],
  REJECTED: () => [ticketRejected('restaurant is closed')],
  CANCELLED: () => [ticketCreated(), ticketCancelled()],
};
