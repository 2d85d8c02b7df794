// The orders context's integration events. `orders.order.created.v1` starts the CreateOrder saga:
// consumers, kitchen and accounting each answer with a verdict; orders then publishes
// `orders.order.approved.v1` or `orders.order.rejected.v1` (with the reason).
export * from './lib/order-fields';
export * from './lib/order-created.v1';
export * from './lib/order-approved.v1';
export * from './lib/order-rejected.v1';
export * from './lib/orders-contracts';
