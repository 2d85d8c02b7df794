// What may be asked of an order's payment. Every command names its order; ids, amounts and the
// account's available credit (read in the same transaction, null when the consumer has no
// account) come in with the command.

/** The order was created: hold its total on the consumer's account, or decline it. */
export type AuthorizePayment = {
  readonly type: 'AuthorizePayment';
  readonly data: { readonly orderId: string; readonly consumerId: string; readonly amountCents: number; readonly availableCents: number | null };
};
/** The order was rejected or cancelled: its hold is released. */
export type VoidPayment = { readonly type: 'VoidPayment'; readonly data: { readonly orderId: string } };
/** The order was delivered: the payment is taken, its hold released. */
export type CapturePayment = { readonly type: 'CapturePayment'; readonly data: { readonly orderId: string } };
/** The order's revision `revision` proposes a new total: the hold becomes `amountCents`, or the revision is declined. */
export type RevisePayment = {
  readonly type: 'RevisePayment';
  readonly data: {
    readonly orderId: string;
    readonly consumerId: string;
    readonly revision: number;
    readonly amountCents: number;
    readonly availableCents: number | null;
  };
};
/** The revision was approved everywhere: the revised hold is final. */
export type FinalizePaymentRevision = { readonly type: 'FinalizePaymentRevision'; readonly data: { readonly orderId: string; readonly revision: number } };
/** The revision was rejected: if this payment had revised for it, the hold goes back to what it was. */
export type UndoPaymentRevision = { readonly type: 'UndoPaymentRevision'; readonly data: { readonly orderId: string; readonly revision: number } };

export type PaymentCommand = AuthorizePayment | VoidPayment | CapturePayment | RevisePayment | FinalizePaymentRevision | UndoPaymentRevision;
