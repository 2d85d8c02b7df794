import { exampleOf } from '@brigade/contracts/core';
import { orderApprovedV1, OrderApprovedV1 } from './order-approved.v1';
import { orderCreatedV1, OrderCreatedV1 } from './order-created.v1';
import { orderRejectedV1, OrderRejectedV1 } from './order-rejected.v1';

/** Every contract this context publishes. */
export const ordersContracts = [orderCreatedV1, orderApprovedV1, orderRejectedV1] as const;

// Object mothers: a valid payload, with what the test cares about overridden.
export const anOrderCreatedV1 = (overrides: Partial<OrderCreatedV1> = {}): OrderCreatedV1 => exampleOf(orderCreatedV1, overrides);
export const anOrderApprovedV1 = (overrides: Partial<OrderApprovedV1> = {}): OrderApprovedV1 => exampleOf(orderApprovedV1, overrides);
export const anOrderRejectedV1 = (overrides: Partial<OrderRejectedV1> = {}): OrderRejectedV1 => exampleOf(orderRejectedV1, overrides);
