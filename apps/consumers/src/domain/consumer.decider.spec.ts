import { fold } from '@brigade/domain';
import { given } from '@brigade/testing';
import {
  consumerReactivated,
  consumerRegistered,
  consumerSuspended,
  reactivateConsumer,
  registerConsumer,
  suspendConsumer,
} from '../../test/consumer.mothers';
import { consumerDecider as consumer } from './consumer.decider';
import { ConsumerErrorCodes as Codes } from './consumer.errors';
import { ConsumerLimits } from './consumer.rules';

describe('Consumer', () => {
  describe('RegisterConsumer', () => {
    it('registers a consumer with its name and email', () => {
      given(consumer, []).when(registerConsumer()).then([consumerRegistered()]);
    });

    it('refuses a consumer that is already registered', () => {
      given(consumer, [consumerRegistered()]).when(registerConsumer()).thenThrows(Codes.AlreadyExists);
    });

    it.each([
      ['an empty first name', { firstName: '', lastName: 'Lovelace' }],
      ['a blank last name', { firstName: 'Ada', lastName: '  ' }],
      ['a first name that is too long', { firstName: 'x'.repeat(ConsumerLimits.maxNameLength + 1), lastName: 'Lovelace' }],
    ])('refuses %s', (_case, name) => {
      given(consumer, []).when(registerConsumer({ name })).thenThrows(Codes.InvalidName);
    });

    it.each([
      ['without an @', 'ada.example.com'],
      ['without a domain', 'ada@'],
      ['without a top-level domain', 'ada@example'],
      ['with a doubled dot', 'ada..l@example.com'],
      ['with a space', 'ada l@example.com'],
      ['that is too long', `${'a'.repeat(ConsumerLimits.maxEmailLength)}@example.com`],
    ])('refuses an email %s', (_case, email) => {
      given(consumer, []).when(registerConsumer({ email })).thenThrows(Codes.InvalidEmail);
    });
  });

  describe('SuspendConsumer', () => {
    it('suspends an active consumer', () => {
      given(consumer, [consumerRegistered()]).when(suspendConsumer()).then([consumerSuspended()]);
    });

    it('refuses to suspend an unknown consumer', () => {
      given(consumer, []).when(suspendConsumer()).thenThrows(Codes.NotFound);
    });

    it('refuses to suspend a consumer twice', () => {
      given(consumer, [consumerRegistered(), consumerSuspended()]).when(suspendConsumer()).thenThrows(Codes.AlreadySuspended);
    });
  });

  describe('ReactivateConsumer', () => {
    it('reactivates a suspended consumer', () => {
      given(consumer, [consumerRegistered(), consumerSuspended()]).when(reactivateConsumer()).then([consumerReactivated()]);
    });

    it('refuses to reactivate an unknown consumer', () => {
      given(consumer, []).when(reactivateConsumer()).thenThrows(Codes.NotFound);
    });

    it('refuses to reactivate a consumer that is active', () => {
      given(consumer, [consumerRegistered()]).when(reactivateConsumer()).thenThrows(Codes.AlreadyActive);
    });
  });

  describe('state', () => {
    it('starts unknown, is registered active, and follows suspension; it keeps nothing per order', () => {
      const state = fold(consumer, consumer.initialState(), [consumerRegistered(), consumerSuspended()]);
      expect(consumer.initialState()).toEqual({ status: 'UNKNOWN' });
      expect(state).toEqual({ status: 'SUSPENDED', ...consumerRegistered().data });
    });

    it('refuses a stream that suspends a consumer never registered (a corrupt stream is a bug)', () => {
      expect(() => fold(consumer, consumer.initialState(), [consumerSuspended()])).toThrow(/without ConsumerRegistered/);
    });
  });
});
