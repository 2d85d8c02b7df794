/**
 * NONE: no such courier. REGISTERED: `available` is whether they are on shift, and
 * `deliveryOrderId` the one delivery they carry (a courier carries at most one), or null.
 */
export type CourierState =
  | { readonly status: 'NONE' }
  | {
      readonly status: 'REGISTERED';
      readonly courierId: string;
      readonly name: string;
      readonly available: boolean;
      readonly deliveryOrderId: string | null;
    };

export type RegisteredCourier = Extract<CourierState, { status: 'REGISTERED' }>;

/** Free: on shift and carrying nothing, so the assignment rule may give them a delivery. */
export function isFree(state: CourierState): boolean {
  return state.status === 'REGISTERED' && state.available && state.deliveryOrderId === null;
}
