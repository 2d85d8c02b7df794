import { fold } from '@brigade/domain';
import { given } from '@brigade/testing';
import {
  consumerId,
  consumerReactivated,
  consumerRegistered,
  consumerSuspended,
  orderValidated,
  orderValidationFailed,
  secondOrderId,
  validateOrder,
} from '../../test/consumer.mothers';
import { consumerDecider } from './consumer.decider';
import type { ConsumerEvent } from './consumer.events';
import type { ConsumerStanding } from './consumer.state';
import { orderValidationDecider as validation } from './order-validation.decider';

const suspendedReason = `consumer ${consumerId} is suspended`;
const unknownReason = `consumer ${consumerId} does not exist`;

/** The standing a consumer with this history has, as the handler reads it from the consumer's stream. */
const standingAfter = (history: ConsumerEvent[]): ConsumerStanding => fold(consumerDecider, consumerDecider.initialState(), history).status;

describe('OrderValidation (one per order)', () => {
  describe('ValidateOrder', () => {
    it('validates an order of an active consumer', () => {
      given(validation, []).when(validateOrder({ consumer: standingAfter([consumerRegistered()]) })).then([orderValidated()]);
    });

    it('validates an order of a consumer that was reactivated', () => {
      const consumer = standingAfter([consumerRegistered(), consumerSuspended(), consumerReactivated()]);
      given(validation, []).when(validateOrder({ consumer })).then([orderValidated()]);
    });

    it('fails an order of a suspended consumer, saying so', () => {
      const consumer = standingAfter([consumerRegistered(), consumerSuspended()]);
      given(validation, []).when(validateOrder({ consumer })).then([orderValidationFailed({ reason: suspendedReason })]);
    });

    it('fails an order of a consumer nobody registered, saying so', () => {
      given(validation, []).when(validateOrder({ consumer: standingAfter([]) })).then([orderValidationFailed({ reason: unknownReason })]);
    });

    it('decides nothing for an order it already validated (one verdict per order, whatever the event that asks)', () => {
      given(validation, [orderValidated()]).when(validateOrder()).then([]);
    });

    it('keeps its first verdict even when the consumer changed since', () => {
      given(validation, [orderValidated()]).when(validateOrder({ consumer: 'SUSPENDED' })).then([]);
    });

    it('decides nothing for an order it already failed, for an unknown consumer too', () => {
      given(validation, [orderValidationFailed({ reason: unknownReason })]).when(validateOrder({ consumer: 'ACTIVE' })).then([]);
    });

    it('judges each order on its own: another order of the consumer is another validation', () => {
      given(validation, []).when(validateOrder({ orderId: secondOrderId })).then([orderValidated({ orderId: secondOrderId })]);
    });
  });

  describe('state', () => {
    it('starts unjudged and is judged for good by its verdict', () => {
      expect(validation.initialState()).toEqual({ status: 'UNJUDGED' });
      expect(fold(validation, validation.initialState(), [orderValidated()])).toEqual({ status: 'JUDGED', valid: true });
      expect(fold(validation, validation.initialState(), [orderValidationFailed()])).toEqual({ status: 'JUDGED', valid: false });
    });
  });
});
