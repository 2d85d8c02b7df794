// The accounting context's integration events. `account.*` say what credit a consumer has;
// `payment.*` are accounting's verdict on each `orders.order.created.v1` (exactly one of authorized
// or declined per order) and the undo of an authorisation when the order is rejected (voided).
// Payments live on the consumer's Account stream (one stream per consumer keeps available credit
// consistent), so every message's Brigade-Aggregate-Id is the consumerId: correlate payment
// events with orders by the `orderId` in the payload, never by the aggregate id header.
export { accountingContext } from './lib/accounting-fields';
export * from './lib/account-opened.v1';
export * from './lib/account-credit-limit-changed.v1';
export * from './lib/payment-authorized.v1';
export * from './lib/payment-declined.v1';
export * from './lib/payment-voided.v1';
export * from './lib/payment-captured.v1';
export * from './lib/payment-revised.v1';
export * from './lib/payment-revision-declined.v1';
export * from './lib/payment-revision-undone.v1';
export * from './lib/accounting-contracts';
