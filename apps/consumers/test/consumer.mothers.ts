// Object mothers for the consumers app's tests: a valid value, with what the test cares about overridden.
import type { RegisterConsumer, ReactivateConsumer, SuspendConsumer } from '../src/domain/consumer.commands';
import type { ConsumerReactivated, ConsumerRegistered, ConsumerSuspended } from '../src/domain/consumer.events';
import type { ValidateOrder } from '../src/domain/order-validation.commands';
import type { OrderValidated, OrderValidationFailed } from '../src/domain/order-validation.events';

export const consumerId = '5d7e9f10-2b3c-4d5e-8f60-7a8b9c0d1e21';
export const orderId = '8e1f2a3b-4c5d-4e6f-9a7b-8c9d0e1f2a31';
export const secondOrderId = '8e1f2a3b-4c5d-4e6f-9a7b-8c9d0e1f2a32';

export const registerConsumer = (overrides: Partial<RegisterConsumer['data']> = {}): RegisterConsumer => ({
  type: 'RegisterConsumer',
  data: { consumerId, name: { firstName: 'Ada', lastName: 'Lovelace' }, email: 'ada@example.com', ...overrides },
});
export const suspendConsumer = (): SuspendConsumer => ({ type: 'SuspendConsumer', data: { consumerId } });
export const reactivateConsumer = (): ReactivateConsumer => ({ type: 'ReactivateConsumer', data: { consumerId } });
/** Validation of `orderId`, for a consumer whose standing is ACTIVE unless said otherwise. */
export const validateOrder = (overrides: Partial<ValidateOrder['data']> = {}): ValidateOrder => ({
  type: 'ValidateOrder',
  data: { consumerId, orderId, consumer: 'ACTIVE', ...overrides },
});

export const consumerRegistered = (overrides: Partial<ConsumerRegistered['data']> = {}): ConsumerRegistered => ({
  type: 'ConsumerRegistered',
  data: { ...registerConsumer().data, ...overrides },
});
export const consumerSuspended = (): ConsumerSuspended => ({ type: 'ConsumerSuspended', data: { consumerId } });
export const consumerReactivated = (): ConsumerReactivated => ({ type: 'ConsumerReactivated', data: { consumerId } });
export const orderValidated = (overrides: Partial<OrderValidated['data']> = {}): OrderValidated => ({
  type: 'OrderValidated',
  data: { consumerId, orderId, ...overrides },
});
export const orderValidationFailed = (overrides: Partial<OrderValidationFailed['data']> = {}): OrderValidationFailed => ({
  type: 'OrderValidationFailed',
  data: { consumerId, orderId, reason: `consumer ${consumerId} is suspended`, ...overrides },
});
