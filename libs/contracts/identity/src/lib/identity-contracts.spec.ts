import { ContractViolation } from '@brigade/contracts/core';
import { aStaffUserRegisteredV1, aUserRegisteredV1, identityContracts, userRegisteredV1 } from '../index';

describe('identity contracts', () => {
  it.each(identityContracts.map((c) => [c.subject, c] as const))('%s: the example fixture satisfies its schema', (_subject, contract) => {
    expect(contract.parse(contract.example)).toEqual(contract.example);
  });

  it('publishes on identity.user.<event>.v1 subjects', () => {
    expect(identityContracts.map((c) => c.subject)).toEqual(['identity.user.registered.v1']);
  });

  it('object mothers apply overrides without touching the example', () => {
    const registered = aUserRegisteredV1({ email: 'grace@example.com' });
    expect(registered.email).toBe('grace@example.com');
    if (registered.name) registered.name.firstName = 'Grace';
    expect(aUserRegisteredV1().name?.firstName).toBe('Ada');
  });

  it('accepts each role with its own binding', () => {
    expect(userRegisteredV1.parse(aStaffUserRegisteredV1())).toEqual(aStaffUserRegisteredV1());
    const { restaurantId: _r, ...courier } = aStaffUserRegisteredV1({ role: 'courier', courierId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d01' });
    expect(userRegisteredV1.parse(courier).courierId).toBe(courier.courierId);
    const { restaurantId: _s, ...admin } = aStaffUserRegisteredV1({ role: 'admin' });
    expect(userRegisteredV1.parse(admin)).toEqual(admin);
  });

  it.each([
    ['a consumer without its consumerId', { consumerId: undefined }, /consumerId/],
    ['a consumer without a name', { name: undefined }, /name/],
    ['a consumer bound to a restaurant too', { restaurantId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c01' }, /restaurantId/],
    ['an unknown role', { role: 'owner' as never }, /role/],
    ['an invalid email', { email: 'not-an-email' }, /email/],
    ['a non-UUID id', { userId: 'x' }, /userId/],
  ])('rejects %s, naming the field', (_case, change, field) => {
    const payload = Object.fromEntries(Object.entries({ ...aUserRegisteredV1(), ...change }).filter(([, value]) => value !== undefined));
    expect(() => userRegisteredV1.parse(payload)).toThrow(field);
  });

  it('rejects fields the contract does not define, a password above all', () => {
    expect(() => userRegisteredV1.parse({ ...aUserRegisteredV1(), passwordHash: 'scrypt$...' })).toThrow(ContractViolation);
  });
});
