import type { TicketLineItem } from './ticket.events';

export interface TicketDetails {
  readonly orderId: string;
  readonly restaurantId: string;
  /** The lines to cook: a pending revision's lines while one is pending. */
  readonly lineItems: readonly TicketLineItem[];
  /** The order's latest revision the kitchen answered (revised or refused); absent before the first. */
  readonly lastRevision?: number;
}

/** A revision the kitchen accepted and the order has not decided yet: what to restore if it is rejected. */
export interface PendingRevision {
  readonly revision: number;
  readonly previousLineItems: readonly TicketLineItem[];
}

/**
 * NONE: nothing is known of the order. ORDER_REJECTED: only the order's rejection is known (no
 * ticket yet). The rest is the ticket's life: CREATE_PENDING -> AWAITING_ACCEPTANCE -> ACCEPTED
 * -> PREPARING -> READY_FOR_PICKUP -> PICKED_UP, or REJECTED (the kitchen said no) / CANCELLED
 * (the order did). A revision can only be pending before cooking starts (AWAITING_ACCEPTANCE, ACCEPTED).
 */
export type TicketState =
  | { readonly status: 'NONE' }
  | { readonly status: 'ORDER_REJECTED'; readonly orderId: string; readonly restaurantId: string; readonly reason: string }
  | ({ readonly status: 'REJECTED'; readonly reason: string } & TicketDetails)
  | ({ readonly status: 'CREATE_PENDING' } & TicketDetails)
  | ({ readonly status: 'AWAITING_ACCEPTANCE'; readonly pendingRevision?: PendingRevision } & TicketDetails)
  | ({ readonly status: 'ACCEPTED'; readonly readyBy: string; readonly pendingRevision?: PendingRevision } & TicketDetails)
  | ({ readonly status: 'PREPARING'; readonly readyBy: string } & TicketDetails)
  | ({ readonly status: 'READY_FOR_PICKUP'; readonly readyBy: string } & TicketDetails)
  | ({ readonly status: 'PICKED_UP'; readonly readyBy: string } & TicketDetails)
  | ({ readonly status: 'CANCELLED'; readonly reason: string; readonly readyBy?: string } & TicketDetails);

export type TicketStatus = TicketState['status'];
export type ExistingTicket = Extract<TicketState, TicketDetails>;
export type TicketLifecycleState = ExistingTicket['status'];

/** The states a ticket can be listed by (a ticket that exists). */
export const TICKET_STATES: readonly TicketLifecycleState[] = [
  'CREATE_PENDING',
  'REJECTED',
  'AWAITING_ACCEPTANCE',
  'ACCEPTED',
  'PREPARING',
  'READY_FOR_PICKUP',
  'PICKED_UP',
  'CANCELLED',
];
