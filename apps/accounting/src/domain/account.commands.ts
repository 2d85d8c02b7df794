// What may be asked of a consumer's account. Ids and amounts come in with the command.
export type OpenAccount = { readonly type: 'OpenAccount'; readonly data: { readonly consumerId: string; readonly creditLimitCents: number } };
export type ChangeCreditLimit = {
  readonly type: 'ChangeCreditLimit';
  readonly data: { readonly consumerId: string; readonly creditLimitCents: number };
};
/** Reserve an order's total on the consumer's account, or decline it. */
export type AuthorizePayment = {
  readonly type: 'AuthorizePayment';
  readonly data: { readonly consumerId: string; readonly orderId: string; readonly amountCents: number };
};
/** Undo an order's authorisation (the order was rejected). */
export type VoidPayment = { readonly type: 'VoidPayment'; readonly data: { readonly consumerId: string; readonly orderId: string } };

export type AccountCommand = OpenAccount | ChangeCreditLimit | AuthorizePayment | VoidPayment;
