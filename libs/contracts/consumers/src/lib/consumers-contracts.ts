import { exampleOf } from '@brigade/contracts/core';
import { consumerOrderValidatedV1, ConsumerOrderValidatedV1 } from './consumer-order-validated.v1';
import { consumerOrderValidationFailedV1, ConsumerOrderValidationFailedV1 } from './consumer-order-validation-failed.v1';
import { consumerReactivatedV1, ConsumerReactivatedV1 } from './consumer-reactivated.v1';
import { consumerRegisteredV1, ConsumerRegisteredV1 } from './consumer-registered.v1';
import { consumerSuspendedV1, ConsumerSuspendedV1 } from './consumer-suspended.v1';

/** Every contract this context publishes. */
export const consumersContracts = [
  consumerRegisteredV1,
  consumerSuspendedV1,
  consumerReactivatedV1,
  consumerOrderValidatedV1,
  consumerOrderValidationFailedV1,
] as const;

// Object mothers: a valid payload, with what the test cares about overridden.
export const aConsumerRegisteredV1 = (overrides: Partial<ConsumerRegisteredV1> = {}): ConsumerRegisteredV1 =>
  exampleOf(consumerRegisteredV1, overrides);
export const aConsumerSuspendedV1 = (overrides: Partial<ConsumerSuspendedV1> = {}): ConsumerSuspendedV1 =>
  exampleOf(consumerSuspendedV1, overrides);
export const aConsumerReactivatedV1 = (overrides: Partial<ConsumerReactivatedV1> = {}): ConsumerReactivatedV1 =>
  exampleOf(consumerReactivatedV1, overrides);
export const aConsumerOrderValidatedV1 = (overrides: Partial<ConsumerOrderValidatedV1> = {}): ConsumerOrderValidatedV1 =>
  exampleOf(consumerOrderValidatedV1, overrides);
export const aConsumerOrderValidationFailedV1 = (
  overrides: Partial<ConsumerOrderValidationFailedV1> = {},
): ConsumerOrderValidationFailedV1 => exampleOf(consumerOrderValidationFailedV1, overrides);
