import { ContractViolation } from '@brigade/contracts/core';
import {
  aConsumerOrderValidationFailedV1,
  aConsumerRegisteredV1,
  aConsumerSuspendedV1,
  consumerOrderValidationFailedV1,
  consumerRegisteredV1,
  consumersContracts,
  consumerSuspendedV1,
} from '../index';

describe('consumers contracts', () => {
  it.each(consumersContracts.map((c) => [c.subject, c] as const))('%s: the example fixture satisfies its schema', (_subject, contract) => {
    expect(contract.parse(contract.example)).toEqual(contract.example);
  });

  it('publishes on consumers.consumer.<event>.v1 subjects', () => {
    expect(consumersContracts.map((c) => c.subject)).toEqual([
      'consumers.consumer.registered.v1',
      'consumers.consumer.suspended.v1',
      'consumers.consumer.reactivated.v1',
      'consumers.consumer.order-validated.v1',
      'consumers.consumer.order-validation-failed.v1',
    ]);
  });

  it('object mothers apply overrides without touching the example', () => {
    const registered = aConsumerRegisteredV1({ email: 'grace@example.com' });
    expect(registered.email).toBe('grace@example.com');
    registered.name.firstName = 'Grace';
    expect(aConsumerRegisteredV1().name.firstName).toBe('Ada');
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, /email/],
    ['an empty first name', { name: { firstName: '', lastName: 'Lovelace' } }, /name\.firstName/],
    ['a non-UUID id', { consumerId: 'x' }, /consumerId/],
  ])('rejects a registration with %s, naming the field', (_case, change, field) => {
    expect(() => consumerRegisteredV1.parse({ ...aConsumerRegisteredV1(), ...change })).toThrow(field);
  });

  it('rejects a failed validation without a reason', () => {
    expect(() => consumerOrderValidationFailedV1.parse(aConsumerOrderValidationFailedV1({ reason: '' }))).toThrow(/reason/);
  });

  it('rejects fields the contract does not define', () => {
    expect(() => consumerSuspendedV1.parse({ ...aConsumerSuspendedV1(), suspendedBy: 'x' })).toThrow(ContractViolation);
  });
});
