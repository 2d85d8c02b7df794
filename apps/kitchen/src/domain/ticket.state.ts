import type { TicketLineItem } from './ticket.events';

export interface TicketDetails {
  readonly orderId: string;
  readonly restaurantId: string;
  readonly lineItems: readonly TicketLineItem[];
}

/**
 * NONE: nothing is known of the order. ORDER_REJECTED: only the order's rejection is known (no
 * ticket yet). The rest is the ticket's life: CREATE_PENDING -> AWAITING_ACCEPTANCE -> ACCEPTED
 * -> PREPARING -> READY_FOR_PICKUP, or REJECTED (the kitchen said no) / CANCELLED (the order did).
 */
export type TicketState =
  | { readonly status: 'NONE' }
  | { readonly status: 'ORDER_REJECTED'; readonly orderId: string; readonly restaurantId: string; readonly reason: string }
  | ({ readonly status: 'REJECTED'; readonly reason: string } & TicketDetails)
  | ({ readonly status: 'CREATE_PENDING' } & TicketDetails)
  | ({ readonly status: 'AWAITING_ACCEPTANCE' } & TicketDetails)
  | ({ readonly status: 'ACCEPTED'; readonly readyBy: string } & TicketDetails)
  | ({ readonly status: 'PREPARING'; readonly readyBy: string } & TicketDetails)
  | ({ readonly status: 'READY_FOR_PICKUP'; readonly readyBy: string } & TicketDetails)
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
  'CANCELLED',
];
