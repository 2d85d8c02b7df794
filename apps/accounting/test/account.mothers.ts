// Object mothers for the accounting app's tests: a valid value, with what the test cares about overridden.
import type { AuthorizePayment, ChangeCreditLimit, OpenAccount, VoidPayment } from '../src/domain/account.commands';
import type { AccountOpened, CreditLimitChanged, PaymentAuthorized, PaymentDeclined, PaymentVoided } from '../src/domain/account.events';

export const consumerId = '5e0f3a1b-7c2d-4e8f-9a0b-1c2d3e4f5a01';
export const orderId = '8b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d01';
export const secondOrderId = '8b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d02';

export const openAccount = (overrides: Partial<OpenAccount['data']> = {}): OpenAccount => ({
  type: 'OpenAccount',
  data: { consumerId, creditLimitCents: 50000, ...overrides },
});

export const changeCreditLimit = (overrides: Partial<ChangeCreditLimit['data']> = {}): ChangeCreditLimit => ({
  type: 'ChangeCreditLimit',
  data: { consumerId, creditLimitCents: 75000, ...overrides },
});

export const authorizePayment = (overrides: Partial<AuthorizePayment['data']> = {}): AuthorizePayment => ({
  type: 'AuthorizePayment',
  data: { consumerId, orderId, amountCents: 2997, ...overrides },
});

export const voidPayment = (overrides: Partial<VoidPayment['data']> = {}): VoidPayment => ({
  type: 'VoidPayment',
  data: { consumerId, orderId, ...overrides },
});

export const accountOpened = (overrides: Partial<AccountOpened['data']> = {}): AccountOpened => ({
  type: 'AccountOpened',
  data: { ...openAccount().data, ...overrides },
});

export const creditLimitChanged = (overrides: Partial<CreditLimitChanged['data']> = {}): CreditLimitChanged => ({
  type: 'CreditLimitChanged',
  data: { ...changeCreditLimit().data, ...overrides },
});

export const paymentAuthorized = (overrides: Partial<PaymentAuthorized['data']> = {}): PaymentAuthorized => ({
  type: 'PaymentAuthorized',
  data: { ...authorizePayment().data, ...overrides },
});

export const paymentDeclined = (overrides: Partial<PaymentDeclined['data']> = {}): PaymentDeclined => ({
  type: 'PaymentDeclined',
  data: { ...authorizePayment().data, reason: `consumer ${consumerId} has no account`, ...overrides },
});

export const paymentVoided = (overrides: Partial<PaymentVoided['data']> = {}): PaymentVoided => ({
  type: 'PaymentVoided',
  data: { ...authorizePayment().data, ...overrides },
});
