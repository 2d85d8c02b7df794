import type { DomainError } from '@brigade/domain';
import { ConcurrencyError } from '@brigade/event-store';

/**
 * A match made on the board was refused by the courier or the delivery (the courier took another
 * delivery, went off shift, the order was cancelled) because another transaction changed them
 * after the board was read. A concurrent change like any other: the transaction's owner runs the
 * whole unit of work again, on a fresh board (another courier, or the line). Never a final answer:
 * the delivery that caused it must not lose its turn.
 */
export class AssignmentBoardChangedError extends ConcurrencyError {
  constructor(orderId: string, courierId: string, refusal: DomainError) {
    super(courierId, 'any', null);
    this.name = 'AssignmentBoardChangedError';
    this.message = `Courier ${courierId} could not take the delivery of order ${orderId} any more: ${refusal.message}`;
  }
}
