import { assertNever, Decider } from '@brigade/domain';
import type { OrderValidationCommand } from './order-validation.commands';
import type { OrderValidationEvent } from './order-validation.events';
import type { OrderValidationState } from './order-validation.state';

/**
 * The consumers verdict on one order, an aggregate per order (its own stream) so that the
 * Consumer keeps nothing per order. Why a stream and not just the inbox: the inbox drops a
 * redelivery of the SAME event (its id, under this durable), but not a second event announcing
 * the same order (a producer's replay, a durable reset or renamed, an inbox pruned some day).
 * Judged again, that order could get a second, contradicting verdict (the consumer may have been
 * suspended since). Here a judged order decides nothing, whatever the event, and its first
 * verdict stands. The verdict is decided on the consumer's standing read in the same
 * transaction; a suspension committed meanwhile is simply ordered after it.
 */
export const orderValidationDecider: Decider<OrderValidationCommand, OrderValidationEvent, OrderValidationState> = {
  initialState: () => ({ status: 'UNJUDGED' }),

  // One command so far (ValidateOrder): the switch is over the consumer's standing.
  decide({ data: { consumerId, orderId, consumer } }, state) {
    if (state.status === 'JUDGED') return [];
    switch (consumer) {
      case 'ACTIVE':
        return [{ type: 'OrderValidated', data: { consumerId, orderId } }];
      case 'SUSPENDED':
        return [{ type: 'OrderValidationFailed', data: { consumerId, orderId, reason: `consumer ${consumerId} is suspended` } }];
      case 'UNKNOWN':
        return [{ type: 'OrderValidationFailed', data: { consumerId, orderId, reason: `consumer ${consumerId} does not exist` } }];
      default:
        return assertNever(consumer);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'OrderValidated':
        return { status: 'JUDGED', valid: true };
      case 'OrderValidationFailed':
        return { status: 'JUDGED', valid: false };
      default:
        return assertNever(event);
    }
  },
};
