import type { Address, OrderToDeliver } from './delivery.events';

/** What the kitchen said about the order's ticket: the promised time (null before acceptance), and whether the food is ready. */
export interface KitchenProgress {
  readonly readyBy: string | null;
  readonly readyForPickup: boolean;
}

export interface DeliveryDetails extends OrderToDeliver, KitchenProgress {
  readonly pickupAddress: Address;
}

export const DELIVERY_STATES = ['PENDING', 'ASSIGNED', 'PICKED_UP', 'DELIVERED', 'CANCELLED'] as const;
export type DeliveryLifecycleState = (typeof DELIVERY_STATES)[number];

/**
 * Before the Delivery exists: NONE (nothing known), AWAITING_APPROVAL (the order's details from
 * created.v1, null if only the kitchen's news came, which may overtake the approval: it arrives on
 * another durable), WITHDRAWN (rejected before approval: nothing to deliver). Then the
 * delivery's life: PENDING (no courier; it waits for one once readyBy is known) -> ASSIGNED ->
 * PICKED_UP -> DELIVERED, or CANCELLED with the order.
 */
export type DeliveryState =
  | { readonly status: 'NONE' }
  | { readonly status: 'AWAITING_APPROVAL'; readonly orderId: string; readonly order: OrderToDeliver | null; readonly kitchen: KitchenProgress }
  | { readonly status: 'WITHDRAWN'; readonly orderId: string }
  | ({ readonly status: 'PENDING'; readonly courierId: null } & DeliveryDetails)
  | ({ readonly status: 'ASSIGNED' | 'PICKED_UP' | 'DELIVERED'; readonly courierId: string } & DeliveryDetails)
  | ({ readonly status: 'CANCELLED'; readonly courierId: string | null } & DeliveryDetails);

export type ExistingDelivery = Extract<DeliveryState, DeliveryDetails>;

/** A delivery that needs a courier: created, the ticket accepted (readyBy known), no courier yet. */
export function awaitsCourier(state: DeliveryState): boolean {
  return state.status === 'PENDING' && state.readyBy !== null;
}
