import { assertNever, Decider } from '@brigade/domain';
import type { ConsumerCommand } from './consumer.commands';
import {
  ConsumerAlreadyActiveError,
  ConsumerAlreadyExistsError,
  ConsumerAlreadySuspendedError,
  ConsumerNotFoundError,
} from './consumer.errors';
import type { ConsumerEvent } from './consumer.events';
import { checkEmail, checkName } from './consumer.rules';
import type { ConsumerState, RegisteredConsumer } from './consumer.state';

/**
 * The Consumer aggregate. Registered ACTIVE; suspending and reactivating are explicit and
 * refused when they would change nothing (409). Whether an order may be placed is decided by
 * that order's OrderValidation (order-validation.decider.ts) on this consumer's standing.
 */
export const consumerDecider: Decider<ConsumerCommand, ConsumerEvent, ConsumerState> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterConsumer': {
        const { consumerId, name, email } = command.data;
        if (state.status !== 'UNKNOWN') throw new ConsumerAlreadyExistsError(consumerId);
        checkName(name);
        checkEmail(email);
        return [{ type: 'ConsumerRegistered', data: { consumerId, name: { firstName: name.firstName, lastName: name.lastName }, email } }];
      }
      case 'SuspendConsumer': {
        const { consumerId } = command.data;
        if (registered(state, consumerId).status === 'SUSPENDED') throw new ConsumerAlreadySuspendedError(consumerId);
        return [{ type: 'ConsumerSuspended', data: { consumerId } }];
      }
      case 'ReactivateConsumer': {
        const { consumerId } = command.data;
        if (registered(state, consumerId).status === 'ACTIVE') throw new ConsumerAlreadyActiveError(consumerId);
        return [{ type: 'ConsumerReactivated', data: { consumerId } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ConsumerRegistered':
        return { status: 'ACTIVE', ...event.data };
      case 'ConsumerSuspended':
        return { ...afterRegistration(state, event.type), status: 'SUSPENDED' };
      case 'ConsumerReactivated':
        return { ...afterRegistration(state, event.type), status: 'ACTIVE' };
      default:
        return assertNever(event);
    }
  },
};

function registered(state: ConsumerState, consumerId: string): RegisteredConsumer {
  if (state.status === 'UNKNOWN') throw new ConsumerNotFoundError(consumerId);
  return state;
}

/** Suspending or reactivating a consumer that was never registered is a corrupt stream: a bug, not a business answer. */
function afterRegistration(state: ConsumerState, eventType: string): RegisteredConsumer {
  if (state.status === 'UNKNOWN') throw new Error(`${eventType} in a stream without ConsumerRegistered`);
  return state;
}
