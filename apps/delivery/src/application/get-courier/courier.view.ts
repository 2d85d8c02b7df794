import { CourierNotFoundError } from '../../domain/courier.errors';
import type { CourierState } from '../../domain/courier.state';

/** A courier as the HTTP API shows it; `version` is their stream version. */
export interface CourierView {
  readonly courierId: string;
  readonly name: string;
  /** On shift: may be given a delivery. */
  readonly available: boolean;
  /** The order whose delivery they carry; null when none. */
  readonly deliveryOrderId: string | null;
  readonly version: number;
}

export function toCourierView(courierId: string, state: CourierState, version: number): CourierView {
  if (state.status === 'NONE') throw new CourierNotFoundError(courierId);
  return { courierId, name: state.name, available: state.available, deliveryOrderId: state.deliveryOrderId, version };
}
