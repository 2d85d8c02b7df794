// Object mothers for the accounting app's tests: a valid value, with what the test cares about overridden.
import type { ChangeCreditLimit, HoldCredit, OpenAccount, ReleaseCredit } from '../src/domain/account.commands';
import type { AccountOpened, CreditHeld, CreditLimitChanged, CreditReleased } from '../src/domain/account.events';
import type {
  AuthorizePayment,
  CapturePayment,
  FinalizePaymentRevision,
  RevisePayment,
  UndoPaymentRevision,
  VoidPayment,
} from '../src/domain/payment.commands';
import type {
  PaymentAuthorized,
  PaymentCaptured,
  PaymentDeclined,
  PaymentRevised,
  PaymentRevisionDeclined,
  PaymentRevisionFinalized,
  PaymentRevisionUndone,
  PaymentVoided,
} from '../src/domain/payment.events';

export const consumerId = '5e0f3a1b-7c2d-4e8f-9a0b-1c2d3e4f5a01';
export const orderId = '8b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d01';
export const secondOrderId = '8b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d02';

// The Account.
export const openAccount = (overrides: Partial<OpenAccount['data']> = {}): OpenAccount => ({
  type: 'OpenAccount',
  data: { consumerId, creditLimitCents: 50000, ...overrides },
});
export const changeCreditLimit = (overrides: Partial<ChangeCreditLimit['data']> = {}): ChangeCreditLimit => ({
  type: 'ChangeCreditLimit',
  data: { consumerId, creditLimitCents: 75000, ...overrides },
});
export const holdCredit = (overrides: Partial<HoldCredit['data']> = {}): HoldCredit => ({
  type: 'HoldCredit',
  data: { consumerId, orderId, amountCents: 2997, ...overrides },
});
export const releaseCredit = (overrides: Partial<ReleaseCredit['data']> = {}): ReleaseCredit => ({
  type: 'ReleaseCredit',
  data: { consumerId, orderId, amountCents: 2997, ...overrides },
});
export const accountOpened = (overrides: Partial<AccountOpened['data']> = {}): AccountOpened => ({
  type: 'AccountOpened',
  data: { ...openAccount().data, ...overrides },
});
export const creditLimitChanged = (overrides: Partial<CreditLimitChanged['data']> = {}): CreditLimitChanged => ({
  type: 'CreditLimitChanged',
  data: { ...changeCreditLimit().data, ...overrides },
});
export const creditHeld = (overrides: Partial<CreditHeld['data']> = {}): CreditHeld => ({
  type: 'CreditHeld',
  data: { ...holdCredit().data, ...overrides },
});
export const creditReleased = (overrides: Partial<CreditReleased['data']> = {}): CreditReleased => ({
  type: 'CreditReleased',
  data: { ...releaseCredit().data, ...overrides },
});

// The Payment of `orderId` (2997 cents, as the contracts' examples).
export const authorizePayment = (overrides: Partial<AuthorizePayment['data']> = {}): AuthorizePayment => ({
  type: 'AuthorizePayment',
  data: { orderId, consumerId, amountCents: 2997, availableCents: 50000, ...overrides },
});
export const voidPayment = (): VoidPayment => ({ type: 'VoidPayment', data: { orderId } });
export const capturePayment = (): CapturePayment => ({ type: 'CapturePayment', data: { orderId } });
export const revisePayment = (overrides: Partial<RevisePayment['data']> = {}): RevisePayment => ({
  type: 'RevisePayment',
  data: { orderId, consumerId, revision: 1, amountCents: 3897, availableCents: 50000 - 2997, ...overrides },
});
export const finalizeRevision = (revision = 1): FinalizePaymentRevision => ({ type: 'FinalizePaymentRevision', data: { orderId, revision } });
export const undoRevision = (revision = 1): UndoPaymentRevision => ({ type: 'UndoPaymentRevision', data: { orderId, revision } });

export const paymentAuthorized = (overrides: Partial<PaymentAuthorized['data']> = {}): PaymentAuthorized => ({
  type: 'PaymentAuthorized',
  data: { orderId, consumerId, amountCents: 2997, ...overrides },
});
export const paymentDeclined = (overrides: Partial<PaymentDeclined['data']> = {}): PaymentDeclined => ({
  type: 'PaymentDeclined',
  data: { orderId, consumerId, amountCents: 2997, reason: `consumer ${consumerId} has no account`, ...overrides },
});
export const paymentVoided = (overrides: Partial<PaymentVoided['data']> = {}): PaymentVoided => ({
  type: 'PaymentVoided',
  data: { orderId, consumerId, amountCents: 2997, ...overrides },
});
export const paymentCaptured = (overrides: Partial<PaymentCaptured['data']> = {}): PaymentCaptured => ({
  type: 'PaymentCaptured',
  data: { orderId, consumerId, amountCents: 2997, ...overrides },
});
export const paymentRevised = (overrides: Partial<PaymentRevised['data']> = {}): PaymentRevised => ({
  type: 'PaymentRevised',
  data: { orderId, consumerId, revision: 1, amountCents: 3897, previousAmountCents: 2997, ...overrides },
});
export const paymentRevisionDeclined = (overrides: Partial<PaymentRevisionDeclined['data']> = {}): PaymentRevisionDeclined => ({
  type: 'PaymentRevisionDeclined',
  data: { orderId, consumerId, revision: 1, reason: 'increase 900 cents exceeds available credit 500 cents', ...overrides },
});
export const paymentRevisionFinalized = (overrides: Partial<PaymentRevisionFinalized['data']> = {}): PaymentRevisionFinalized => ({
  type: 'PaymentRevisionFinalized',
  data: { orderId, consumerId, revision: 1, ...overrides },
});
export const paymentRevisionUndone = (overrides: Partial<PaymentRevisionUndone['data']> = {}): PaymentRevisionUndone => ({
  type: 'PaymentRevisionUndone',
  data: { orderId, consumerId, revision: 1, amountCents: 2997, revisedAmountCents: 3897, ...overrides },
});
