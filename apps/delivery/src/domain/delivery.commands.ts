import type { Address, OrderToDeliver } from './delivery.events';

// What may be asked of a delivery (stream id = orderId). Reactions to other contexts' events
// (the first five) are idempotent; the courier's commands over HTTP are strict.
export type NoteOrder = { readonly type: 'NoteOrder'; readonly data: OrderToDeliver };
/** The order was approved; `pickupAddress` is the restaurant's, from delivery's replica (null: not replicated yet). */
export type CreateDelivery = { readonly type: 'CreateDelivery'; readonly data: { readonly orderId: string; readonly restaurantId: string; readonly pickupAddress: Address | null } };
export type WithdrawOrder = { readonly type: 'WithdrawOrder'; readonly data: { readonly orderId: string } };
export type NoteTicketAccepted = { readonly type: 'NoteTicketAccepted'; readonly data: { readonly orderId: string; readonly readyBy: string } };
export type NoteTicketReady = { readonly type: 'NoteTicketReady'; readonly data: { readonly orderId: string } };
export type CancelDelivery = { readonly type: 'CancelDelivery'; readonly data: { readonly orderId: string } };
/** Asked by the assignment rule only. */
export type AssignCourier = { readonly type: 'AssignCourier'; readonly data: { readonly orderId: string; readonly courierId: string } };
export type PickUp = { readonly type: 'PickUp'; readonly data: { readonly orderId: string } };
export type Deliver = { readonly type: 'Deliver'; readonly data: { readonly orderId: string } };

export type DeliveryCommand = NoteOrder | CreateDelivery | WithdrawOrder | NoteTicketAccepted | NoteTicketReady | CancelDelivery | AssignCourier | PickUp | Deliver;
