import { exampleOf } from '@brigade/contracts/core';
import { orderApprovedV1, OrderApprovedV1 } from './order-approved.v1';
import { orderCancelRefusedV1, OrderCancelRefusedV1 } from './order-cancel-refused.v1';
import { orderCancelRequestedV1, OrderCancelRequestedV1 } from './order-cancel-requested.v1';
import { orderCancelledV1, OrderCancelledV1 } from './order-cancelled.v1';
import { orderCreatedV1, OrderCreatedV1 } from './order-created.v1';
import { orderRejectedV1, OrderRejectedV1 } from './order-rejected.v1';
import { orderRevisedV1, OrderRevisedV1 } from './order-revised.v1';
import { orderRevisionProposedV1, OrderRevisionProposedV1 } from './order-revision-proposed.v1';
import { orderRevisionRejectedV1, OrderRevisionRejectedV1 } from './order-revision-rejected.v1';

/** Every contract this context publishes. */
export const ordersContracts = [
  orderCreatedV1,
  orderApprovedV1,
  orderRejectedV1,
  orderCancelRequestedV1,
  orderCancelledV1,
  orderCancelRefusedV1,
  orderRevisionProposedV1,
  orderRevisedV1,
  orderRevisionRejectedV1,
] as const;

// Object mothers: a valid payload, with what the test cares about overridden.
export const anOrderCreatedV1 = (overrides: Partial<OrderCreatedV1> = {}): OrderCreatedV1 => exampleOf(orderCreatedV1, overrides);
export const anOrderApprovedV1 = (overrides: Partial<OrderApprovedV1> = {}): OrderApprovedV1 => exampleOf(orderApprovedV1, overrides);
export const anOrderRejectedV1 = (overrides: Partial<OrderRejectedV1> = {}): OrderRejectedV1 => exampleOf(orderRejectedV1, overrides);
export const anOrderCancelRequestedV1 = (overrides: Partial<OrderCancelRequestedV1> = {}): OrderCancelRequestedV1 =>
  exampleOf(orderCancelRequestedV1, overrides);
export const anOrderCancelledV1 = (overrides: Partial<OrderCancelledV1> = {}): OrderCancelledV1 => exampleOf(orderCancelledV1, overrides);
export const anOrderCancelRefusedV1 = (overrides: Partial<OrderCancelRefusedV1> = {}): OrderCancelRefusedV1 =>
  exampleOf(orderCancelRefusedV1, overrides);
export const anOrderRevisionProposedV1 = (overrides: Partial<OrderRevisionProposedV1> = {}): OrderRevisionProposedV1 =>
  exampleOf(orderRevisionProposedV1, overrides);
export const anOrderRevisedV1 = (overrides: Partial<OrderRevisedV1> = {}): OrderRevisedV1 => exampleOf(orderRevisedV1, overrides);
export const anOrderRevisionRejectedV1 = (overrides: Partial<OrderRevisionRejectedV1> = {}): OrderRevisionRejectedV1 =>
  exampleOf(orderRevisionRejectedV1, overrides);
