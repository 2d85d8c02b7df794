// The consumers context's integration events. `registered`/`suspended`/`reactivated` tell others
// who may order; `order-validated`/`order-validation-failed` are the consumers verdict on each
// `orders.order.created.v1` (exactly one verdict per order). Payloads are JSON on `consumers.consumer.*`.
export * from './lib/consumer-fields';
export * from './lib/consumer-registered.v1';
export * from './lib/consumer-suspended.v1';
export * from './lib/consumer-reactivated.v1';
export * from './lib/consumer-order-validated.v1';
export * from './lib/consumer-order-validation-failed.v1';
export * from './lib/consumers-contracts';
