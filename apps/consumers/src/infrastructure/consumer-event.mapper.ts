import {
  ConsumerOrderValidatedV1,
  consumerOrderValidatedV1Subject,
  ConsumerOrderValidationFailedV1,
  consumerOrderValidationFailedV1Subject,
  ConsumerReactivatedV1,
  consumerReactivatedV1Subject,
  ConsumerRegisteredV1,
  consumerRegisteredV1Subject,
  ConsumerSuspendedV1,
  consumerSuspendedV1Subject,
} from '@brigade/contracts/consumers';
import { assertNever } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { ConsumerEvent } from '../domain/consumer.events';
import type { OrderValidationEvent } from '../domain/order-validation.events';
import { CONSUMER_STREAM_TYPE } from './consumer-command-runner';
import { ORDER_VALIDATION_STREAM_TYPE } from './order-validation-command-runner';

/** The contract an internal event is published as (subject without namespace prefix, JSON body). */
export interface ConsumerEventMapping {
  readonly subject: string;
  readonly payload:
    | ConsumerRegisteredV1
    | ConsumerSuspendedV1
    | ConsumerReactivatedV1
    | ConsumerOrderValidatedV1
    | ConsumerOrderValidationFailedV1;
}

/**
 * Internal event -> integration contract, field by field: whatever the domain adds to its own
 * events stays inside this service until someone decides to put it in a contract. Consumer events
 * come from the consumer's stream (Brigade-Aggregate-Id = consumerId), verdicts from the order's
 * validation stream (Brigade-Aggregate-Id = `order-validation-<orderId>`; correlate them by the
 * payload's orderId). Pure, so the relay can map an event again after a failure; an unknown stream
 * type or event type is a bug and throws.
 */
export function mapConsumerEvent(stored: StoredEvent): ConsumerEventMapping {
  if (stored.streamType !== CONSUMER_STREAM_TYPE && stored.streamType !== ORDER_VALIDATION_STREAM_TYPE) {
    throw new Error(`No mapping for events of stream type ${stored.streamType}`);
  }
  const event = { type: stored.type, data: stored.data } as ConsumerEvent | OrderValidationEvent;
  switch (event.type) {
    case 'ConsumerRegistered': {
      const { consumerId, name, email } = event.data;
      const payload: ConsumerRegisteredV1 = { consumerId, name: { firstName: name.firstName, lastName: name.lastName }, email };
      return { subject: consumerRegisteredV1Subject, payload };
    }
    case 'ConsumerSuspended': {
      const payload: ConsumerSuspendedV1 = { consumerId: event.data.consumerId };
      return { subject: consumerSuspendedV1Subject, payload };
    }
    case 'ConsumerReactivated': {
      const payload: ConsumerReactivatedV1 = { consumerId: event.data.consumerId };
      return { subject: consumerReactivatedV1Subject, payload };
    }
    case 'OrderValidated': {
      const { consumerId, orderId } = event.data;
      const payload: ConsumerOrderValidatedV1 = { consumerId, orderId };
      return { subject: consumerOrderValidatedV1Subject, payload };
    }
    case 'OrderValidationFailed': {
      const { consumerId, orderId, reason } = event.data;
      const payload: ConsumerOrderValidationFailedV1 = { consumerId, orderId, reason };
      return { subject: consumerOrderValidationFailedV1Subject, payload };
    }
    default:
      return assertNever(event);
  }
}
