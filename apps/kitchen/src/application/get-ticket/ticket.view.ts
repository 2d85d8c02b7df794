import { TicketNotFoundError } from '../../domain/ticket.errors';
import type { TicketLineItem } from '../../domain/ticket.events';
import type { TicketLifecycleState, TicketState } from '../../domain/ticket.state';

/** A ticket as the HTTP API shows it; `version` is its stream version. */
export interface TicketView {
  readonly orderId: string;
  readonly restaurantId: string;
  readonly state: TicketLifecycleState;
  readonly lineItems: readonly TicketLineItem[];
  /** Promised by the restaurant on acceptance; null before. */
  readonly readyBy: string | null;
  /** Why the kitchen rejected the ticket or the order cancelled it; null otherwise. */
  readonly reason: string | null;
  /** The order's revision the ticket accepted (its lines are shown) and the order has not decided yet; null otherwise. */
  readonly pendingRevision: number | null;
  readonly version: number;
}

/** Fields picked one by one: a stable shape whatever the state holds. An order without a ticket is not found. */
export function toTicketView(orderId: string, state: TicketState, version: number): TicketView {
  if (state.status === 'NONE' || state.status === 'ORDER_REJECTED') throw new TicketNotFoundError(orderId);
  return {
    orderId,
    restaurantId: state.restaurantId,
    state: state.status,
    lineItems: state.lineItems.map(({ menuItemId, name, quantity }) => ({ menuItemId, name, quantity })),
    readyBy: 'readyBy' in state && state.readyBy !== undefined ? state.readyBy : null,
    reason: 'reason' in state ? state.reason : null,
    pendingRevision: 'pendingRevision' in state && state.pendingRevision ? state.pendingRevision.revision : null,
    version,
  };
}
