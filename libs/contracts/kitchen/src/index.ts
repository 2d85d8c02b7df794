// The kitchen context's integration events: one Ticket per order (its id is the orderId).
// `created.v1` / `rejected.v1` are the kitchen's verdict on `orders.order.created.v1`;
// `confirmed.v1` and `cancelled.v1` follow the order's approval or rejection; then fulfilment:
// `accepted.v1` (with readyBy) -> `preparing.v1` -> `ready-for-pickup.v1` -> `picked-up.v1`. An approved
// order's cancellation is answered with `cancelled.v1` or `cancel-refused.v1`, its revision with
// `revised.v1` or `revision-refused.v1` (and `revision-undone.v1` if orders rejects it after all).
// Payloads are JSON on `kitchen.ticket.*`.
export * from './lib/kitchen-fields';
export * from './lib/ticket-created.v1';
export * from './lib/ticket-rejected.v1';
export * from './lib/ticket-confirmed.v1';
export * from './lib/ticket-cancelled.v1';
export * from './lib/ticket-accepted.v1';
export * from './lib/ticket-preparing.v1';
export * from './lib/ticket-ready-for-pickup.v1';
export * from './lib/ticket-picked-up.v1';
export * from './lib/ticket-cancel-refused.v1';
export * from './lib/ticket-revised.v1';
export * from './lib/ticket-revision-refused.v1';
export * from './lib/ticket-revision-undone.v1';
export * from './lib/kitchen-contracts';
