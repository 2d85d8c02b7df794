// The order as the query side shows it: everything the other contexts said about it, joined.

/** The order's lifecycle, as the orders service shows it (order-lifecycle.ts says how the view derives it). */
export const ORDER_STATES = [
  'APPROVAL_PENDING',
  'APPROVED',
  'REJECTED',
  'CANCEL_PENDING',
  'CANCELLED',
  'REVISION_PENDING',
  'PREPARING',
  'READY_FOR_PICKUP',
  'PICKED_UP',
  'DELIVERED',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** The states the order's own stream gives it: its decisions and the changes asked for. Fulfilment comes from kitchen and delivery. */
export const DECIDED_STATES = ['APPROVAL_PENDING', 'APPROVED', 'REJECTED', 'CANCEL_PENDING', 'CANCELLED', 'REVISION_PENDING'] as const;
export type DecidedState = (typeof DECIDED_STATES)[number];

export const TICKET_STATES = [
  'CREATE_PENDING',
  'REJECTED',
  'AWAITING_ACCEPTANCE',
  'CANCELLED',
  'ACCEPTED',
  'PREPARING',
  'READY_FOR_PICKUP',
  'PICKED_UP',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const PAYMENT_STATES = ['AUTHORIZED', 'DECLINED', 'VOIDED', 'CAPTURED'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export const DELIVERY_STATES = ['PENDING', 'ASSIGNED', 'PICKED_UP', 'DELIVERED', 'CANCELLED'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const CHANGE_TYPES = ['CANCEL', 'REVISE'] as const;
export const CHANGE_OUTCOMES = ['PENDING', 'DONE', 'REFUSED'] as const;

/** The last change asked for the order (a cancellation or a revision) and how it ended, as the orders service tells it. */
export interface LastChange {
  readonly type: (typeof CHANGE_TYPES)[number];
  readonly outcome: (typeof CHANGE_OUTCOMES)[number];
  /** Why it was refused. */
  readonly reason: string | null;
}

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
  /** The amount held or taken now: a revision's when one was approved. */
  readonly amountCents: number | null;
  /** Why accounting declined the payment. */
  readonly reason: string | null;
}

export interface DeliveryProgress {
  readonly state: DeliveryState;
  /** Null until a courier is assigned. */
  readonly courierId: string | null;
  /** Null until the courier's registration has reached the order history. */
  readonly courierName: string | null;
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
  /** As priced when the order was placed, or by its last approved revision. */
  readonly lineItems: readonly OrderLine[];
  readonly orderTotalCents: number | null;
  /** When orders.order.created.v1 occurred. */
  readonly placedAt: string | null;
  readonly state: OrderState | null;
  readonly rejectionReason: string | null;
  readonly lastChange: LastChange | null;
  readonly ticket: TicketProgress | null;
  readonly payment: PaymentProgress | null;
  readonly delivery: DeliveryProgress | null;
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
  readonly deliveryState: DeliveryState | null;
}
