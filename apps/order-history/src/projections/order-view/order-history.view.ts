// The order as the query side shows it: everything the other contexts said about it, joined.

export const ORDER_STATES = ['APPROVAL_PENDING', 'APPROVED', 'REJECTED'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const TICKET_STATES = ['CREATE_PENDING', 'REJECTED', 'AWAITING_ACCEPTANCE', 'CANCELLED', 'ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const PAYMENT_STATES = ['AUTHORIZED', 'DECLINED', 'VOIDED'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export interface OrderLine {
  readonly menuItemId: string;
  readonly name: string;
  readonly priceCents: number;
  readonly quantity: number;
}

export interface TicketProgress {
  readonly state: TicketState;
  /** Promised by the restaurant when it accepted the ticket. */
  readonly readyBy: string | null;
  /** Why the kitchen rejected or cancelled the ticket. */
  readonly reason: string | null;
}

export interface PaymentProgress {
  readonly state: PaymentState;
  readonly amountCents: number | null;
  /** Why accounting declined the payment. */
  readonly reason: string | null;
}

/** One event that touched the order, as its producer stamped it. */
export interface TimelineEntry {
  readonly eventId: string;
  readonly subject: string;
  readonly occurredAt: string;
}

/**
 * Fields are null until the event that carries them has arrived: events from different contexts
 * come in any order, so a ticket may be known before the order it belongs to.
 */
export interface OrderHistoryView {
  readonly orderId: string;
  readonly consumerId: string | null;
  /** "First Last" once the consumer's registration has arrived. */
  readonly consumerName: string | null;
  readonly restaurantId: string | null;
  /** The restaurant's current name, once its creation has arrived. */
  readonly restaurantName: string | null;
  /** As priced when the order was placed. */
  readonly lineItems: readonly OrderLine[];
  readonly orderTotalCents: number | null;
  /** When orders.order.created.v1 occurred. */
  readonly placedAt: string | null;
  readonly state: OrderState | null;
  readonly rejectionReason: string | null;
  readonly ticket: TicketProgress | null;
  readonly payment: PaymentProgress | null;
  /** Oldest first (occurredAt, then event id). */
  readonly timeline: readonly TimelineEntry[];
}

/** An order in a consumer's history list. */
export interface OrderSummary {
  readonly orderId: string;
  readonly restaurantId: string | null;
  readonly restaurantName: string | null;
  readonly lineItems: readonly OrderLine[];
  readonly orderTotalCents: number | null;
  readonly placedAt: string;
  readonly state: OrderState | null;
  readonly rejectionReason: string | null;
  readonly ticketState: TicketState | null;
  readonly paymentState: PaymentState | null;
}
