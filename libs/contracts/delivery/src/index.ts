// The delivery context's integration events. Couriers register and go on or off shift
// (`courier.*`); a Delivery per approved order (its id is the orderId) is created PENDING, gets a
// courier once the ticket is accepted (`courier-assigned.v1`), then `picked-up.v1` and
// `delivered.v1`, or `cancelled.v1` when the order is cancelled. Payloads are JSON on `delivery.>`.
export * from './lib/delivery-fields';
export * from './lib/courier-registered.v1';
export * from './lib/courier-availability-changed.v1';
export * from './lib/delivery-created.v1';
export * from './lib/delivery-courier-assigned.v1';
export * from './lib/delivery-picked-up.v1';
export * from './lib/delivery-delivered.v1';
export * from './lib/delivery-cancelled.v1';
export * from './lib/delivery-contracts';
