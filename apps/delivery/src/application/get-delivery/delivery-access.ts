import { assertMayActOn, Owners } from '@brigade/auth';
import type { Actor } from '@brigade/event-store';
import { DeliveryNotFoundError } from '../../domain/delivery.errors';
import type { DeliveryState } from '../../domain/delivery.state';

/**
 * A courier sees and works only the deliveries assigned to them; admins any. A delivery with no
 * courier yet is no courier's (403 to every courier). Whether the delivery exists is answered
 * first, whoever asks (404), then whose it is (403 AUTH.FORBIDDEN). Once assigned, a delivery's
 * courier never changes, so a check made on the delivery as loaded still holds when the command
 * is decided.
 */
export function assertMayActOnDelivery(actor: Actor, orderId: string, state: DeliveryState): void {
  if (!('pickupAddress' in state)) throw new DeliveryNotFoundError(orderId);
  const owners: Owners = state.courierId === null ? {} : { courier: state.courierId };
  assertMayActOn(actor, owners);
}
