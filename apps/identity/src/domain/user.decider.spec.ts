import { fold } from '@brigade/domain';
import { given } from '@brigade/testing';
import { consumerId, courierId, registerStaff, registerUser, restaurantId, userId, userRegistered } from '../../test/user.mothers';
import { userDecider as user } from './user.decider';
import { UserErrorCodes as Codes } from './user.errors';
import { checkPassword, UserLimits } from './user.rules';

describe('User', () => {
  describe('RegisterUser', () => {
    it('registers a consumer user bound to its consumer, with the consumer’s name', () => {
      given(user, []).when(registerUser()).then([userRegistered()]);
    });

    it('registers restaurant staff bound to their restaurant', () => {
      given(user, [])
        .when(registerStaff())
        .then([{ type: 'UserRegistered', data: { userId, email: 'kitchen@example.com', role: 'restaurant', restaurantId } }]);
    });

    it('registers a courier bound to its courier', () => {
      given(user, [])
        .when(registerStaff({ role: 'courier', restaurantId: undefined, courierId }))
        .then([{ type: 'UserRegistered', data: { userId, email: 'kitchen@example.com', role: 'courier', courierId } }]);
    });

    it('registers an admin bound to nothing', () => {
      given(user, [])
        .when(registerStaff({ role: 'admin', restaurantId: undefined }))
        .then([{ type: 'UserRegistered', data: { userId, email: 'kitchen@example.com', role: 'admin' } }]);
    });

    it('normalises the email: trimmed and lower-case', () => {
      given(user, []).when(registerUser({ email: '  Ada@Example.COM ' })).then([userRegistered({ email: 'ada@example.com' })]);
    });

    it('refuses a user that is already registered', () => {
      given(user, [userRegistered()]).when(registerUser()).thenThrows(Codes.AlreadyExists);
    });

    it.each([
      ['without an @', 'ada.example.com'],
      ['without a top-level domain', 'ada@example'],
      ['with a doubled dot', 'ada..l@example.com'],
      ['with a space inside', 'ada l@example.com'],
      ['that is too long', `${'a'.repeat(UserLimits.maxEmailLength)}@example.com`],
    ])('refuses an email %s', (_case, email) => {
      given(user, []).when(registerUser({ email })).thenThrows(Codes.InvalidEmail);
    });

    it.each([
      ['a blank first name', { firstName: ' ', lastName: 'Lovelace' }],
      ['a last name that is too long', { firstName: 'Ada', lastName: 'x'.repeat(UserLimits.maxNameLength + 1) }],
    ])('refuses a consumer with %s', (_case, name) => {
      given(user, []).when(registerUser({ name })).thenThrows(Codes.InvalidName);
    });

    it('refuses a role it does not know', () => {
      given(user, []).when(registerStaff({ role: 'owner' as never })).thenThrows(Codes.InvalidRole);
    });

    it.each([
      ['a consumer without its consumer', registerUser({ consumerId: undefined })],
      ['a consumer without a name', registerUser({ name: undefined })],
      ['a consumer bound to a restaurant as well', registerUser({ restaurantId })],
      ['restaurant staff without their restaurant', registerStaff({ restaurantId: undefined })],
      ['restaurant staff with a name', registerStaff({ name: { firstName: 'Ada', lastName: 'Lovelace' } })],
      ['a courier without its courier', registerStaff({ role: 'courier', restaurantId: undefined })],
      ['a courier bound to a restaurant', registerStaff({ role: 'courier', courierId })],
      ['an admin bound to a restaurant', registerStaff({ role: 'admin' })],
      ['an admin bound to a consumer', registerStaff({ role: 'admin', restaurantId: undefined, consumerId })],
    ])('refuses %s', (_case, command) => {
      given(user, []).when(command).thenThrows(Codes.InvalidBinding);
    });
  });

  describe('state', () => {
    it('starts unknown and is registered with its profile', () => {
      expect(user.initialState()).toEqual({ status: 'UNKNOWN' });
      expect(fold(user, user.initialState(), [userRegistered()])).toEqual({ status: 'REGISTERED', ...userRegistered().data });
    });
  });

  describe('passwords', () => {
    it.each([
      ['11 characters', 'a'.repeat(11)],
      ['257 characters', 'a'.repeat(257)],
    ])('refuses a password of %s', (_case, password) => {
      expect(() => checkPassword(password)).toThrow(expect.objectContaining({ code: Codes.InvalidPassword, details: { field: 'password' } }));
    });

    it.each([['12 characters', 'a'.repeat(12)], ['256 characters', 'a'.repeat(256)]])('accepts a password of %s', (_case, password) => {
      expect(() => checkPassword(password)).not.toThrow();
    });
  });
});
