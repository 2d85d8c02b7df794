// The accounting context's integration events. `account.*` say what credit a consumer has;
// `payment.*` follow one order's money: accounting's verdict on each `orders.order.created.v1`
// (exactly one of authorized or declined per order), its revision (`revised` or
// `revision-declined` per revision, `revision-undone` when a revision it said yes to is rejected),
// and its end: `voided` (the order was rejected or cancelled) or `captured` (it was delivered),
// both giving the amount back to the consumer's available credit, at most once.
// Each order's payment is a stream of its own, so a payment event's Brigade-Aggregate-Id is
// `payment-<orderId>` (an account event's is the consumerId): correlate payment events with
// orders by the `orderId` in the payload, never by the aggregate id header.
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
