// What may be asked of a consumer's account. Ids and amounts come in with the command.
export type OpenAccount = { readonly type: 'OpenAccount'; readonly data: { readonly consumerId: string; readonly creditLimitCents: number } };
export type ChangeCreditLimit = {
  readonly type: 'ChangeCreditLimit';
  readonly data: { readonly consumerId: string; readonly creditLimitCents: number };
};
/** Hold more of the credit for an order (its payment was authorised, or revised upwards). */
export type HoldCredit = {
  readonly type: 'HoldCredit';
  readonly data: { readonly consumerId: string; readonly orderId: string; readonly amountCents: number };
};
/** Give held credit back (the order's payment was voided or captured, or revised downwards). */
export type ReleaseCredit = {
  readonly type: 'ReleaseCredit';
  readonly data: { readonly consumerId: string; readonly orderId: string; readonly amountCents: number };
};

export type AccountCommand = OpenAccount | ChangeCreditLimit | HoldCredit | ReleaseCredit;
