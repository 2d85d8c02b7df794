/** A revision this payment said yes to, not yet final: what to go back to if it is rejected. */
export interface PendingRevision {
  readonly revision: number;
  readonly previousAmountCents: number;
}

/** What a payment that has answered its order knows; `amountCents` is what is (or was) held. */
export interface PaymentFacts {
  readonly orderId: string;
  readonly consumerId: string;
  readonly amountCents: number;
  /** The highest revision of the order this payment answered (0: none), so each is answered once. */
  readonly answeredRevision: number;
}

/**
 * One order's payment. NONE until the order's creation is answered; then AUTHORIZED (its amount
 * held on the account) or DECLINED. An authorisation ends VOIDED (rejected or cancelled order) or
 * CAPTURED (delivered order); both are final: the payment never changes again.
 */
export type PaymentState =
  | { readonly status: 'NONE'; readonly answeredRevision: number }
  | ({ readonly status: 'AUTHORIZED'; readonly pendingRevision: PendingRevision | null } & PaymentFacts)
  | ({ readonly status: 'DECLINED' | 'VOIDED' | 'CAPTURED' } & PaymentFacts);

export type PaymentStatus = Exclude<PaymentState['status'], 'NONE'>;

export type AuthorizedPayment = Extract<PaymentState, { status: 'AUTHORIZED' }>;
