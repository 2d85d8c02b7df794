// Object mothers for the kitchen app's tests: a valid value, with what the test cares about overridden.
import type {
  AcceptTicket,
  CancelTicket,
  ConfirmTicket,
  CreateTicket,
  MarkReadyForPickup,
  RestaurantSnapshot,
  StartPreparing,
} from '../src/domain/ticket.commands';
import type {
  OrderRejectionNoted,
  TicketAccepted,
  TicketCancelled,
  TicketConfirmed,
  TicketCreated,
  TicketLineItem,
  TicketPreparationStarted,
  TicketReadyForPickup,
  TicketRejected,
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

/** The history of a ticket that reached `status` on the happy path. */
export const historyUntil = {
  CREATE_PENDING: () => [ticketCreated()],
  AWAITING_ACCEPTANCE: () => [ticketCreated(), ticketConfirmed()],
  ACCEPTED: () => [ticketCreated(), ticketConfirmed(), ticketAccepted()],
  PREPARING: () => [ticketCreated(), ticketConfirmed(), ticketAccepted(), ticketPreparationStarted()],
  READY_FOR_PICKUP: () => [ticketCreated(), ticketConfirmed(), ticketAccepted(), ticketPreparationStarted(), ticketReadyForPickup()],
  REJECTED: () => [ticketRejected('restaurant is closed')],
  CANCELLED: () => [ticketCreated(), ticketCancelled()],
};
