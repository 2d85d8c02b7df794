import { exampleOf } from '@brigade/contracts/core';
import { accountCreditLimitChangedV1, AccountCreditLimitChangedV1 } from './account-credit-limit-changed.v1';
import { accountOpenedV1, AccountOpenedV1 } from './account-opened.v1';
import { paymentAuthorizedV1, PaymentAuthorizedV1 } from './payment-authorized.v1';
import { paymentCapturedV1, PaymentCapturedV1 } from './payment-captured.v1';
import { paymentDeclinedV1, PaymentDeclinedV1 } from './payment-declined.v1';
import { paymentRevisedV1, PaymentRevisedV1 } from './payment-revised.v1';
import { paymentRevisionDeclinedV1, PaymentRevisionDeclinedV1 } from './payment-revision-declined.v1';
import { paymentRevisionUndoneV1, PaymentRevisionUndoneV1 } from './payment-revision-undone.v1';
import { paymentVoidedV1, PaymentVoidedV1 } from './payment-voided.v1';

/** Every contract this context publishes. */
export const accountingContracts = [
  accountOpenedV1,
  accountCreditLimitChangedV1,
  paymentAuthorizedV1,
  paymentDeclinedV1,
  paymentVoidedV1,
  paymentCapturedV1,
  paymentRevisedV1,
  paymentRevisionDeclinedV1,
  paymentRevisionUndoneV1,
] as const;

// Object mothers: a valid payload, with what the test cares about overridden.
export const anAccountOpenedV1 = (overrides: Partial<AccountOpenedV1> = {}): AccountOpenedV1 => exampleOf(accountOpenedV1, overrides);
export const anAccountCreditLimitChangedV1 = (overrides: Partial<AccountCreditLimitChangedV1> = {}): AccountCreditLimitChangedV1 =>
  exampleOf(accountCreditLimitChangedV1, overrides);
export const aPaymentAuthorizedV1 = (overrides: Partial<PaymentAuthorizedV1> = {}): PaymentAuthorizedV1 =>
  exampleOf(paymentAuthorizedV1, overrides);
export const aPaymentDeclinedV1 = (overrides: Partial<PaymentDeclinedV1> = {}): PaymentDeclinedV1 => exampleOf(paymentDeclinedV1, overrides);
export const aPaymentVoidedV1 = (overrides: Partial<PaymentVoidedV1> = {}): PaymentVoidedV1 => exampleOf(paymentVoidedV1, overrides);
export const aPaymentCapturedV1 = (overrides: Partial<PaymentCapturedV1> = {}): PaymentCapturedV1 => exampleOf(paymentCapturedV1, overrides);
export const aPaymentRevisedV1 = (overrides: Partial<PaymentRevisedV1> = {}): PaymentRevisedV1 => exampleOf(paymentRevisedV1, overrides);
export const aPaymentRevisionDeclinedV1 = (overrides: Partial<PaymentRevisionDeclinedV1> = {}): PaymentRevisionDeclinedV1 =>
  exampleOf(paymentRevisionDeclinedV1, overrides);
export const aPaymentRevisionUndoneV1 = (overrides: Partial<PaymentRevisionUndoneV1> = {}): PaymentRevisionUndoneV1 =>
  exampleOf(paymentRevisionUndoneV1, overrides);
