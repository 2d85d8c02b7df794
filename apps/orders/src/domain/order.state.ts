import type { OrderDetails, OrderRevision } from './order.events';

/** Where an approved order is in its fulfilment, in order: the kitchen's and delivery's progress mirrored. */
export const FULFILMENT = ['APPROVED', 'PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP', 'DELIVERED'] as const;
export type FulfilmentStatus = (typeof FULFILMENT)[number];

/** The last cancel or revise asked of the order, and how it ended (GET /orders/:id shows it). */
export interface LastChange {
  readonly type: 'CANCEL' | 'REVISE';
  readonly outcome: 'PENDING' | 'DONE' | 'REFUSED';
  readonly reason?: string;
}

/** What every existing order has: its details, how many revisions were proposed, and its last change. */
export type OrderFacts = OrderDetails & { readonly revisions: number; readonly lastChange?: LastChange };

/**
 * A pending change remembers the fulfilment status to return to (`resume`): the kitchen may move
 * on while the change is pending (it then refuses the change), and the order follows it there.
 */
export type OrderState =
  | { status: 'UNKNOWN' }
  | ({ status: 'APPROVAL_PENDING' } & OrderFacts)
  | ({ status: 'REJECTED'; rejectionReason: string } & OrderFacts)
  | ({ status: FulfilmentStatus } & OrderFacts)
  | ({ status: 'CANCEL_PENDING'; resume: FulfilmentStatus } & OrderFacts)
  | ({ status: 'REVISION_PENDING'; resume: FulfilmentStatus; proposal: OrderRevision } & OrderFacts)
  | ({ status: 'CANCELLED' } & OrderFacts);

export type ExistingOrder = Exclude<OrderState, { status: 'UNKNOWN' }>;
export type OrderStatus = ExistingOrder['status'];

export const ORDER_STATES: readonly OrderStatus[] = [
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
];

/** The fulfilment status of an approved order, looking through a pending change; null before approval or after the end. */
export function fulfilmentOf(order: ExistingOrder): FulfilmentStatus | null {
  if (order.status === 'CANCEL_PENDING' || order.status === 'REVISION_PENDING') return order.resume;
  return (FULFILMENT as readonly string[]).includes(order.status) ? (order.status as FulfilmentStatus) : null;
}
