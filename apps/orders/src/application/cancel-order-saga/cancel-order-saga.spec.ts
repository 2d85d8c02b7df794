import { givenSaga } from '@brigade/testing';
import type { AnswerAbout, OrderTerms } from '../../domain/order-terms';
import { OrderErrorCodes } from '../../domain/order.errors';
import { CONSUMER_ID, ORDER_ID, RESTAURANT_ID } from '../../domain/order.mothers';
import { cancelOrderSaga as saga, CancelOrderSagaEvent, CancelOrderSagaInput, CancelOrderSagaState } from './cancel-order-saga';

const DEADLINE = '2026-11-27T10:00:30.000Z';
const LATER_DEADLINE = '2026-11-27T10:10:30.000Z';
const TERMS: OrderTerms = { consumerId: CONSUMER_ID, restaurantId: RESTAURANT_ID, orderTotalCents: 2997 };
/** What the kitchen's answers name about the order, as their contracts carry it. */
const KITCHEN: AnswerAbout = { restaurantId: RESTAURANT_ID };
const start = (deadline = DEADLINE): CancelOrderSagaInput => ({ type: 'StartCancelOrderSaga', data: { orderId: ORDER_ID, deadline, terms: TERMS } });
const started = (deadline = DEADLINE): CancelOrderSagaEvent => ({ type: 'CancelOrderSagaStarted', data: { orderId: ORDER_ID, deadline, terms: TERMS } });
const ticketCancelledAbout = (about: AnswerAbout): CancelOrderSagaInput => ({ type: 'RecordTicketCancelled', data: { orderId: ORDER_ID, about } });
const ticketCancelled: CancelOrderSagaInput = ticketCancelledAbout(KITCHEN);
const cancelRefused = (reason: string, about: AnswerAbout = KITCHEN): CancelOrderSagaInput => ({ type: 'RecordCancelRefused', data: { orderId: ORDER_ID, reason, about } });
const deadlineAt = (now: string): CancelOrderSagaInput => ({ type: 'PassDeadline', data: { orderId: ORDER_ID, now } });
const confirmed: CancelOrderSagaEvent = { type: 'CancelOrderConfirmed', data: { orderId: ORDER_ID } };
const refused = (reason: string): CancelOrderSagaEvent => ({ type: 'CancelOrderRefused', data: { orderId: ORDER_ID, reason } });

const confirmCancel = { type: 'ConfirmCancel', data: { orderId: ORDER_ID } } as const;
const refuseCancel = (reason: string) => ({ type: 'RefuseCancel', data: { orderId: ORDER_ID, reason } }) as const;
const NOTHING = { events: [], send: [] };
const CANCEL_TIMER = { cancel: true } as const;
const NO_ANSWER = 'no answer from kitchen before the deadline';

describe('CancelOrder saga', () => {
  it('starts and schedules its deadline, sending nothing yet (the order asked the kitchen itself)', () => {
    givenSaga(saga).when(start()).then({ events: [started()], send: [], timer: { schedule: DEADLINE } });
  });

  it('decides nothing when started again while it awaits the kitchen', () => {
    givenSaga(saga, [started()]).when(start(LATER_DEADLINE)).then(NOTHING);
  });

  it('starts again, with a new deadline, for a new request after a refusal', () => {
    givenSaga(saga, [started(), refused('kitchen: ticket is PREPARING')]).when(start(LATER_DEADLINE)).then({
      events: [started(LATER_DEADLINE)],
      send: [],
      timer: { schedule: LATER_DEADLINE },
    });
    givenSaga(saga, [started(), refused(NO_ANSWER)]).when(start(LATER_DEADLINE)).then({
      events: [started(LATER_DEADLINE)],
      send: [],
      timer: { schedule: LATER_DEADLINE },
    });
  });

  it('never starts again once the order is cancelled', () => {
    givenSaga(saga, [started(), confirmed]).when(start(LATER_DEADLINE)).then(NOTHING);
  });

  it('cancels the order and clears its deadline when the kitchen cancelled the ticket', () => {
    givenSaga(saga, [started()]).when(ticketCancelled).then({ events: [confirmed], send: [confirmCancel], timer: CANCEL_TIMER });
  });

  it('refuses the cancel with the kitchen’s reason and clears its deadline when the kitchen refused', () => {
    givenSaga(saga, [started()])
      .when(cancelRefused('ticket is PREPARING'))
      .then({ events: [refused('kitchen: ticket is PREPARING')], send: [refuseCancel('kitchen: ticket is PREPARING')], timer: CANCEL_TIMER });
  });

  it('refuses the cancel when the deadline passes without an answer (at the deadline or after)', () => {
    const expected = { events: [refused(NO_ANSWER)], send: [refuseCancel(NO_ANSWER)], timer: CANCEL_TIMER };
    givenSaga(saga, [started()]).when(deadlineAt(DEADLINE)).then(expected);
    givenSaga(saga, [started()]).when(deadlineAt('2026-11-27T10:05:00.000Z')).then(expected);
  });

  it('ignores the deadline before it is due', () => {
    givenSaga(saga, [started()]).when(deadlineAt('2026-11-27T10:00:29.999Z')).then(NOTHING);
  });

  it('ignores the deadline after the decision, and for a saga never started', () => {
    givenSaga(saga, [started(), confirmed]).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
    givenSaga(saga, [started(), refused('kitchen: ticket is PREPARING')]).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
    givenSaga(saga, [started(), refused(NO_ANSWER)]).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
    givenSaga(saga).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
  });

  it('still cancels the order when the kitchen’s cancellation comes after the deadline refused (the ticket is gone; no deadline left to clear)', () => {
    givenSaga(saga, [started(), refused(NO_ANSWER)]).when(ticketCancelled).then({ events: [confirmed], send: [confirmCancel] });
  });

  it('decides nothing on duplicated answers', () => {
    givenSaga(saga, [started(), confirmed]).when(ticketCancelled).then(NOTHING);
    givenSaga(saga, [started(), refused('kitchen: ticket is PREPARING')]).when(cancelRefused('ticket is PREPARING')).then(NOTHING);
  });

  it('decides nothing on a late refusal once decided', () => {
    givenSaga(saga, [started(), confirmed]).when(cancelRefused('ticket is PREPARING')).then(NOTHING);
    givenSaga(saga, [started(), refused(NO_ANSWER)]).when(cancelRefused('ticket is PREPARING')).then(NOTHING);
  });

  it('decides nothing when a ticket is cancelled with no cancel asked (the kitchen cancelling a rejected order’s ticket)', () => {
    givenSaga(saga).when(ticketCancelled).then(NOTHING);
  });

  it('refuses a refusal for a cancel nobody asked (a bug or a forged message)', () => {
    givenSaga(saga).when(cancelRefused('ticket is PREPARING')).thenThrows('ORDERS.SAGA.UNKNOWN');
  });

  it('continues where it was after a restart: its state is its events', () => {
    expect([started()].reduce(saga.evolve, saga.initialState())).toEqual({ status: 'AWAITING_KITCHEN', orderId: ORDER_ID, deadline: DEADLINE, terms: TERMS });
    expect([started(), refused(NO_ANSWER)].reduce(saga.evolve, saga.initialState())).toEqual({ status: 'REFUSED', orderId: ORDER_ID, terms: TERMS });
    expect([started(), refused(NO_ANSWER), started(LATER_DEADLINE), confirmed].reduce(saga.evolve, saga.initialState())).toEqual({
      status: 'CANCELLED',
      orderId: ORDER_ID,
      terms: TERMS,
    });
  });

  it('decides on the second request by its own deadline, not the first one’s', () => {
    const second = [started(), refused(NO_ANSWER), started(LATER_DEADLINE)];
    givenSaga(saga, second).when(deadlineAt('2026-11-27T10:05:00.000Z')).then(NOTHING);
    givenSaga(saga, second).when(deadlineAt(LATER_DEADLINE)).then({ events: [refused(NO_ANSWER)], send: [refuseCancel(NO_ANSWER)], timer: CANCEL_TIMER });
  });

  describe('an answer must be about its order (a forged or misrouted one is parked, never applied)', () => {
    const OTHER_RESTAURANT = '00000000-0000-4000-8000-0000000000e2';

    it.each<[string, CancelOrderSagaEvent[], CancelOrderSagaInput]>([
      ['a cancellation while the kitchen is asked', [started()], ticketCancelledAbout({ restaurantId: OTHER_RESTAURANT })],
      ['a late cancellation after the deadline gave up', [started(), refused(NO_ANSWER)], ticketCancelledAbout({ restaurantId: OTHER_RESTAURANT })],
      ['a refusal while the kitchen is asked', [started()], cancelRefused('ticket is PREPARING', { restaurantId: OTHER_RESTAURANT })],
    ])('refuses %s naming another restaurant: it cancels nothing (no void of the payment) and keeps nothing back', (_case, history, answer) => {
      const state: CancelOrderSagaState = history.reduce(saga.evolve, saga.initialState());
      let refusal: unknown = null;
      try {
        saga.decide(answer, state);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toMatchObject({ code: OrderErrorCodes.MismatchedMessage, retryable: false, participant: 'kitchen', orderId: ORDER_ID });
    });

    it('takes answers as they come for a request made before the saga recorded the order’s terms', () => {
      const startedWithoutTerms: CancelOrderSagaEvent = { type: 'CancelOrderSagaStarted', data: { orderId: ORDER_ID, deadline: DEADLINE } };
      givenSaga(saga, [startedWithoutTerms])
        .when(ticketCancelledAbout({ restaurantId: OTHER_RESTAURANT }))
        .then({ events: [confirmed], send: [confirmCancel], timer: CANCEL_TIMER });
    });
  });
});
