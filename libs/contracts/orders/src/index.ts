// The orders context's integration events. `orders.order.created.v1` starts the CreateOrder saga:
// consumers, kitchen and accounting each answer with a verdict; orders then publishes
// `orders.order.approved.v1` or `orders.order.rejected.v1` (with the reason). An approved order can
// be cancelled (`cancel-requested.v1` -> `cancelled.v1` | `cancel-refused.v1`) or revised
// (`revision-proposed.v1` -> `revised.v1` | `revision-rejected.v1`).
export * from './lib/order-fields';
export * from './lib/order-created.v1';
export * from './lib/order-approved.v1';
export * from './lib/order-rejected.v1';
export * from './lib/order-cancel-requested.v1';
export * from './lib/order-cancelled.v1';
export * from './lib/order-cancel-refused.v1';
export * from './lib/order-revision-proposed.v1';
export * from './lib/order-revised.v1';
export * from './lib/order-revision-rejected.v1';
export * from './lib/orders-contracts';
