import { assertMayActOn, mayActOn } from '@brigade/auth';
import type { Actor } from '@brigade/event-store';
import { OrderNotFoundError } from '../../domain/order-history.errors';

/**
 * An order of the history is its consumer's to see, and any admin's: someone else's is 403, after
 * "not found" was answered for an unknown order. While no event has named the order's consumer
 * yet (a neighbour's event about it arrived before the order's own), nobody can tell it is theirs:
 * it is not found for them yet, as it soon will be found.
 */
export function assertMaySeeOrder(actor: Actor, orderId: string, consumerId: string | null): void {
  if (consumerId !== null) return assertMayActOn(actor, { consumer: consumerId });
  if (!mayActOn(actor, {})) throw new OrderNotFoundError(orderId);
}
