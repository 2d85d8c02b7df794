import { DeliveryNotFoundError } from '../../domain/delivery.errors';
import type { Address } from '../../domain/delivery.events';
import type { DeliveryLifecycleState, DeliveryState } from '../../domain/delivery.state';

/** A delivery as the HTTP API shows it; `version` is its stream version. */
export interface DeliveryView {
  readonly orderId: string;
  readonly restaurantId: string;
  readonly state: DeliveryLifecycleState;
  /** Null until a courier is assigned; a cancelled delivery shows the courier it had. */
  readonly courierId: string | null;
  readonly pickupAddress: Address;
  readonly deliveryAddress: Address;
  /** When the kitchen promised the food (on accepting the ticket); null before. */
  readonly readyBy: string | null;
  /** Whether the kitchen said the food is ready: the courier may pick it up. */
  readonly readyForPickup: boolean;
  readonly version: number;
}

/** Fields picked one by one: a stable shape whatever the state holds. An order without a delivery (yet) is not found. */
export function toDeliveryView(orderId: string, state: DeliveryState, version: number): DeliveryView {
  if (!('pickupAddress' in state)) throw new DeliveryNotFoundError(orderId);
  return {
    orderId,
    restaurantId: state.restaurantId,
    state: state.status,
    courierId: state.courierId,
    pickupAddress: state.pickupAddress,
    deliveryAddress: state.deliveryAddress,
    readyBy: state.readyBy,
    readyForPickup: state.readyForPickup,
    version,
  };
}
