import type { TicketLineItem } from './ticket.events';

/** What the kitchen's replica knows of the restaurant when the order arrives; null when it does not know it. */
export interface RestaurantSnapshot {
  readonly open: boolean;
  readonly menuItemIds: readonly string[];
}

// What may be asked of a ticket. Time comes in with the command (the domain never reads a clock).
export type CreateTicket = {
  readonly type: 'CreateTicket';
  readonly data: {
    readonly orderId: string;
    readonly restaurantId: string;
    readonly lineItems: readonly TicketLineItem[];
    readonly restaurant: RestaurantSnapshot | null;
  };
};
export type ConfirmTicket = { readonly type: 'ConfirmTicket'; readonly data: { readonly orderId: string } };
export type CancelTicket = {
  readonly type: 'CancelTicket';
  readonly data: { readonly orderId: string; readonly restaurantId: string; readonly reason: string };
};
export type AcceptTicket = {
  readonly type: 'AcceptTicket';
  /** `now`: when the command was issued; readyBy must be later. Both ISO date-times. */
  readonly data: { readonly orderId: string; readonly readyBy: string; readonly now: string };
};
export type StartPreparing = { readonly type: 'StartPreparing'; readonly data: { readonly orderId: string } };
export type MarkReadyForPickup = { readonly type: 'MarkReadyForPickup'; readonly data: { readonly orderId: string } };

export type MarkPickedUp = { readonly type: 'MarkPickedUp'; readonly data: { readonly orderId: string } };

// The order's changes after approval: each is answered (cancelled or refused, revised or refused).
export type AnswerCancelRequest = {
  readonly type: 'AnswerCancelRequest';
  readonly data: { readonly orderId: string; readonly restaurantId: string };
};
export type ReviseTicket = {
  readonly type: 'ReviseTicket';
  readonly data: { readonly orderId: string; readonly restaurantId: string; readonly revision: number; readonly lineItems: readonly TicketLineItem[] };
};
/** The order decided revision `revision`: `FinalizeRevision` (revised), `UndoRevision` (rejected). */
export type FinalizeRevision = { readonly type: 'FinalizeRevision'; readonly data: { readonly orderId: string; readonly revision: number } };
export type UndoRevision = { readonly type: 'UndoRevision'; readonly data: { readonly orderId: string; readonly revision: number } };

export type TicketCommand =
  | CreateTicket
  | ConfirmTicket
  | CancelTicket
  | AcceptTicket
  | StartPreparing
  | MarkReadyForPickup
  | MarkPickedUp
  | AnswerCancelRequest
  | ReviseTicket
  | FinalizeRevision
  | UndoRevision;
