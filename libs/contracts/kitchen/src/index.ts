// The kitchen context's integration events: one Ticket per order (its id is the orderId).
// `created.v1` / `rejected.v1` are the kitchen's verdict on `orders.order.created.v1`;
// `confirmed.v1` and `cancelled.v1` follow the order's approval or rejection; then fulfilment:
// `accepted.v1` (with readyBy) -> `preparing.v1` -> `ready-for-pickup.v1`. Payloads are JSON on `kitchen.ticket.*`.
export * from './lib/kitchen-fields';
export * from './lib/ticket-created.v1';
export * from './lib/ticket-rejected.v1';
export * from './lib/ticket-confirmed.v1';
export * from './lib/ticket-cancelled.v1';
export * from './lib/ticket-accepted.v1';
export * from './lib/ticket-preparing.v1';
export * from './lib/ticket-ready-for-pickup.v1';
export * from './lib/kitchen-contracts';
