import { assertNever, Decider } from '@brigade/domain';
import type { ConsumerCommand, ValidateOrder } from './consumer.commands';
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
 * refused when they would change nothing (409).
 *
 * ValidateOrder is the consumers verdict on a new order, and it is decided in EVERY state,
 * UNKNOWN included: the failure for an unknown consumer is recorded on the stream of the id the
 * order named, which then holds verdicts but no registration (the state stays UNKNOWN: GET is
 * 404). One stream per consumer id for every verdict means one rule for idempotency (an order
 * already judged decides nothing), one optimistic-concurrency guard between a verdict and a
 * concurrent register/suspend of the same id, and Brigade-Aggregate-Id = consumerId on every
 * consumers.consumer.* message, as the contracts promise.
 */
export const consumerDecider: Decider<ConsumerCommand, ConsumerEvent, ConsumerState> = {
  initialState: () => ({ status: 'UNKNOWN', judgedOrderIds: [] }),

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
      case 'ValidateOrder':
        return validateOrder(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ConsumerRegistered':
        return { status: 'ACTIVE', judgedOrderIds: state.judgedOrderIds, ...event.data };
      case 'ConsumerSuspended':
        return { ...afterRegistration(state, event.type), status: 'SUSPENDED' };
      case 'ConsumerReactivated':
        return { ...afterRegistration(state, event.type), status: 'ACTIVE' };
      case 'OrderValidated':
      case 'OrderValidationFailed':
        return { ...state, judgedOrderIds: [...state.judgedOrderIds, event.data.orderId] };
      default:
        return assertNever(event);
    }
  },
};

/** One verdict per order: a second request (a redelivery, a replay) decides nothing. */
function validateOrder({ data: { consumerId, orderId } }: ValidateOrder, state: ConsumerState): ConsumerEvent[] {
  if (state.judgedOrderIds.includes(orderId)) return [];
  switch (state.status) {
    case 'ACTIVE':
      return [{ type: 'OrderValidated', data: { consumerId, orderId } }];
    case 'SUSPENDED':
      return [{ type: 'OrderValidationFailed', data: { consumerId, orderId, reason: `consumer ${consumerId} is suspended` } }];
    case 'UNKNOWN':
      return [{ type: 'OrderValidationFailed', data: { consumerId, orderId, reason: `consumer ${consumerId} does not exist` } }];
    default:
      return assertNever(state);
  }
}

function registered(state: ConsumerState, consumerId: string): RegisteredConsumer {
  if (state.status === 'UNKNOWN') throw new ConsumerNotFoundError(consumerId);
  return state;
}

/** Suspending or reactivating a consumer that was never registered is a corrupt stream: a bug, not a business answer. */
function afterRegistration(state: ConsumerState, eventType: string): RegisteredConsumer {
  if (state.status === 'UNKNOWN') throw new Error(`${eventType} in a stream without ConsumerRegistered`);
  return state;
}
