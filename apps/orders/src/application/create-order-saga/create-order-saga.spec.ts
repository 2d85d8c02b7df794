import { givenSaga } from '@brigade/testing';
import type { AnswerAbout, OrderTerms } from '../../domain/order-terms';
import { OrderErrorCodes } from '../../domain/order.errors';
import { CONSUMER_ID, ORDER_ID, RESTAURANT_ID } from '../../domain/order.mothers';
import { createOrderSaga as saga, CreateOrderSagaEvent, CreateOrderSagaInput, CreateOrderSagaState, Participant } from './create-order-saga';

const DEADLINE = '2026-11-27T10:00:30.000Z';
const TERMS: OrderTerms = { consumerId: CONSUMER_ID, restaurantId: RESTAURANT_ID, orderTotalCents: 2997 };
/** What each participant's message names about the order, as their contracts carry it. */
const ABOUT: Record<Participant, AnswerAbout> = {
  consumer: { consumerId: CONSUMER_ID },
  kitchen: { restaurantId: RESTAURANT_ID },
  accounting: { consumerId: CONSUMER_ID, amountCents: 2997 },
};
const start: CreateOrderSagaInput = { type: 'StartCreateOrderSaga', data: { orderId: ORDER_ID, deadline: DEADLINE, terms: TERMS } };
const started: CreateOrderSagaEvent = { type: 'CreateOrderSagaStarted', data: { orderId: ORDER_ID, deadline: DEADLINE, terms: TERMS } };
const yes = (participant: Participant, about: AnswerAbout = ABOUT[participant]): CreateOrderSagaInput => ({
  type: 'RecordVerdict',
  data: { orderId: ORDER_ID, participant, about, approved: true },
});
const no = (participant: Participant, reason?: string, about: AnswerAbout = ABOUT[participant]): CreateOrderSagaInput => ({
  type: 'RecordVerdict',
  data: { orderId: ORDER_ID, participant, about, approved: false, ...(reason ? { reason } : {}) },
});
const recordedYes = (participant: Participant): CreateOrderSagaEvent => ({ type: 'VerdictRecorded', data: { orderId: ORDER_ID, participant, approved: true } });
const recordedNo = (participant: Participant, reason?: string): CreateOrderSagaEvent => ({
  type: 'VerdictRecorded',
  data: { orderId: ORDER_ID, participant, approved: false, ...(reason ? { reason } : {}) },
});
const approved: CreateOrderSagaEvent = { type: 'CreateOrderApproved', data: { orderId: ORDER_ID } };
const rejected = (reason: string): CreateOrderSagaEvent => ({ type: 'CreateOrderRejected', data: { orderId: ORDER_ID, reason } });
const deadlineAt = (now: string): CreateOrderSagaInput => ({ type: 'PassDeadline', data: { orderId: ORDER_ID, now } });

const approveOrder = { type: 'ApproveOrder', data: { orderId: ORDER_ID } } as const;
const rejectOrder = (reason: string) => ({ type: 'RejectOrder', data: { orderId: ORDER_ID, reason } }) as const;
const NOTHING = { events: [], send: [] };
const CANCEL_TIMER = { cancel: true } as const;

const PARTICIPANT_OTHER_THAN: Record<Participant, Participant> = { consumer: 'kitchen', kitchen: 'accounting', accounting: 'consumer' };
const OTHERS_OF: Record<Participant, [Participant, Participant]> = {
  consumer: ['kitchen', 'accounting'],
  kitchen: ['accounting', 'consumer'],
  accounting: ['consumer', 'kitchen'],
};

describe('CreateOrder saga', () => {
  it('starts and schedules its deadline, sending nothing yet', () => {
    givenSaga(saga).when(start).then({ events: [started], send: [], timer: { schedule: DEADLINE } });
  });

  it('starts once: a second start decides nothing and leaves the deadline as it is', () => {
    givenSaga(saga, [started]).when(start).then(NOTHING);
    givenSaga(saga, [started, recordedYes('kitchen'), recordedYes('consumer'), recordedYes('accounting'), approved]).when(start).then(NOTHING);
  });

  it.each<Participant>(['consumer', 'kitchen', 'accounting'])(
    'approves the order and clears its deadline when the last of three yes verdicts comes from %s, whatever their order',
    (last) => {
      const [first, second] = OTHERS_OF[last];
      const expected = { events: [recordedYes(last), approved], send: [approveOrder], timer: CANCEL_TIMER };
      givenSaga(saga, [started, recordedYes(first), recordedYes(second)]).when(yes(last)).then(expected);
      givenSaga(saga, [started, recordedYes(second), recordedYes(first)]).when(yes(last)).then(expected);
    },
  );

  it('records a yes and waits, sending nothing and keeping its deadline, while verdicts are missing', () => {
    givenSaga(saga, [started]).when(yes('kitchen')).then({ events: [recordedYes('kitchen')], send: [] });
    givenSaga(saga, [started, recordedYes('kitchen')]).when(yes('consumer')).then({ events: [recordedYes('consumer')], send: [] });
  });

  it.each<[Participant, string]>([
    ['consumer', 'consumer is suspended'],
    ['kitchen', 'restaurant is closed'],
    ['accounting', 'total 2997 exceeds available credit 1000'],
  ])('rejects the order with the reason on the first no, from %s, and clears its deadline', (participant, reason) => {
    givenSaga(saga, [started, recordedYes(PARTICIPANT_OTHER_THAN[participant])])
      .when(no(participant, reason))
      .then({ events: [recordedNo(participant, reason), rejected(`${participant}: ${reason}`)], send: [rejectOrder(`${participant}: ${reason}`)], timer: CANCEL_TIMER });
    givenSaga(saga, [started])
      .when(no(participant, reason))
      .then({ events: [recordedNo(participant, reason), rejected(`${participant}: ${reason}`)], send: [rejectOrder(`${participant}: ${reason}`)], timer: CANCEL_TIMER });
  });

  it('rejects on a no that gives no reason, saying who refused', () => {
    givenSaga(saga, [started]).when(no('kitchen')).then({ events: [recordedNo('kitchen'), rejected('kitchen: refused')], send: [rejectOrder('kitchen: refused')], timer: CANCEL_TIMER });
  });

  it('rejects when the deadline passes first, naming who did not answer', () => {
    const reason = 'no answer before the deadline from kitchen, accounting';
    givenSaga(saga, [started, recordedYes('consumer')]).when(deadlineAt(DEADLINE)).then({ events: [rejected(reason)], send: [rejectOrder(reason)], timer: CANCEL_TIMER });
  });

  it('names every participant when none answered, and only the silent one when two did', () => {
    const none = 'no answer before the deadline from consumer, kitchen, accounting';
    givenSaga(saga, [started]).when(deadlineAt('2026-11-27T10:05:00.000Z')).then({ events: [rejected(none)], send: [rejectOrder(none)], timer: CANCEL_TIMER });
    const one = 'no answer before the deadline from consumer';
    givenSaga(saga, [started, recordedYes('accounting'), recordedYes('kitchen')])
      .when(deadlineAt(DEADLINE))
      .then({ events: [rejected(one)], send: [rejectOrder(one)], timer: CANCEL_TIMER });
  });

  it('ignores the deadline before it is due and after the decision', () => {
    givenSaga(saga, [started]).when(deadlineAt('2026-11-27T10:00:29.999Z')).then(NOTHING);
    givenSaga(saga, [started, recordedYes('consumer'), recordedYes('kitchen'), recordedYes('accounting'), approved]).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
    givenSaga(saga, [started, recordedNo('kitchen', 'closed'), rejected('kitchen: closed')]).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
    givenSaga(saga, [started, rejected('no answer before the deadline from consumer, kitchen, accounting')]).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
  });

  it('ignores a deadline for a saga never started', () => {
    givenSaga(saga).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
  });

  it('decides nothing on a late verdict after the rejection', () => {
    givenSaga(saga, [started, recordedNo('accounting', 'declined'), rejected('accounting: declined')]).when(yes('kitchen')).then(NOTHING);
    givenSaga(saga, [started, recordedNo('accounting', 'declined'), rejected('accounting: declined')]).when(no('consumer', 'suspended')).then(NOTHING);
    givenSaga(saga, [started, rejected('no answer before the deadline from consumer, kitchen, accounting')]).when(yes('consumer')).then(NOTHING);
  });

  it('decides nothing on a duplicated verdict', () => {
    givenSaga(saga, [started, recordedYes('kitchen')]).when(yes('kitchen')).then(NOTHING);
    givenSaga(saga, [started, recordedYes('kitchen')]).when(no('kitchen', 'changed its mind')).then(NOTHING);
    givenSaga(saga, [started, recordedYes('consumer'), recordedYes('kitchen'), recordedYes('accounting'), approved]).when(yes('accounting')).then(NOTHING);
  });

  it('continues where it was after a restart between verdicts: its state is its events', () => {
    const beforeRestart = [started, recordedYes('consumer')];
    const reloaded = beforeRestart.reduce(saga.evolve, saga.initialState());
    expect(reloaded).toEqual({ status: 'AWAITING_VERDICTS', orderId: ORDER_ID, deadline: DEADLINE, verdicts: { consumer: { approved: true } }, terms: TERMS });
    givenSaga(saga, [...beforeRestart, recordedYes('kitchen')]).when(yes('accounting')).then({
      events: [recordedYes('accounting'), approved],
      send: [approveOrder],
      timer: CANCEL_TIMER,
    });
  });

  it('remembers how it ended', () => {
    expect([started, recordedNo('kitchen', 'closed'), rejected('kitchen: closed')].reduce(saga.evolve, saga.initialState())).toEqual({
      status: 'REJECTED',
      orderId: ORDER_ID,
      reason: 'kitchen: closed',
      terms: TERMS,
    });
    expect([started, recordedYes('consumer'), recordedYes('kitchen'), recordedYes('accounting'), approved].reduce(saga.evolve, saga.initialState())).toEqual({
      status: 'APPROVED',
      orderId: ORDER_ID,
      terms: TERMS,
    });
  });

  it('refuses a verdict for an order it never started', () => {
    givenSaga(saga).when(yes('kitchen')).thenThrows(OrderErrorCodes.UnknownSaga);
    givenSaga(saga).when(no('accounting', 'declined')).thenThrows(OrderErrorCodes.UnknownSaga);
  });

  describe('a verdict must be about its order (a forged or misrouted one is parked, never applied)', () => {
    const OTHER_CONSUMER = '00000000-0000-4000-8000-0000000000c2';
    const OTHER_RESTAURANT = '00000000-0000-4000-8000-0000000000e2';

    it.each<[string, Participant, AnswerAbout]>([
      ['the consumers context naming another consumer', 'consumer', { consumerId: OTHER_CONSUMER }],
      ['the kitchen naming another restaurant', 'kitchen', { restaurantId: OTHER_RESTAURANT }],
      ['accounting naming another consumer', 'accounting', { consumerId: OTHER_CONSUMER, amountCents: 2997 }],
      ['accounting holding another amount', 'accounting', { consumerId: CONSUMER_ID, amountCents: 1 }],
    ])('refuses a yes from %s, recording nothing', (_case, participant, about) => {
      whenVerdict([started, recordedYes(PARTICIPANT_OTHER_THAN[participant])], yes(participant, about)).thenRefusedAsNotAboutTheOrder(participant);
    });

    it.each<[string, Participant, AnswerAbout]>([
      ['the consumers context naming another consumer', 'consumer', { consumerId: OTHER_CONSUMER }],
      ['the kitchen naming another restaurant', 'kitchen', { restaurantId: OTHER_RESTAURANT }],
      ['accounting declining another amount', 'accounting', { consumerId: CONSUMER_ID, amountCents: 999_999 }],
    ])('refuses a no from %s, so a forged no cannot reject the order either', (_case, participant, about) => {
      whenVerdict([started], no(participant, 'refused', about)).thenRefusedAsNotAboutTheOrder(participant);
    });

    it('refuses the third yes when it holds another amount: the order is not approved without payment of its total', () => {
      whenVerdict([started, recordedYes('consumer'), recordedYes('kitchen')], yes('accounting', { consumerId: CONSUMER_ID, amountCents: 0 })).thenRefusedAsNotAboutTheOrder(
        'accounting',
      );
    });

    it('refuses a mismatched verdict that comes after the decision too, so an operator sees it', () => {
      whenVerdict([started, recordedNo('accounting', 'declined'), rejected('accounting: declined')], yes('consumer', { consumerId: OTHER_CONSUMER })).thenRefusedAsNotAboutTheOrder(
        'consumer',
      );
      whenVerdict([started, recordedYes('consumer'), recordedYes('kitchen'), recordedYes('accounting'), approved], yes('kitchen', { restaurantId: OTHER_RESTAURANT })).thenRefusedAsNotAboutTheOrder(
        'kitchen',
      );
    });

    it('takes verdicts as they come for a saga started before it recorded the order’s terms', () => {
      const startedWithoutTerms: CreateOrderSagaEvent = { type: 'CreateOrderSagaStarted', data: { orderId: ORDER_ID, deadline: DEADLINE } };
      givenSaga(saga, [startedWithoutTerms]).when(yes('consumer', { consumerId: OTHER_CONSUMER })).then({ events: [recordedYes('consumer')], send: [] });
    });
  });
});

/**
 * `whenVerdict(history, input).thenRefusedAsNotAboutTheOrder(participant)`: the saga refuses the
 * verdict with an unretryable MismatchedMessageError (the consumer parks the message at once), and
 * so records and sends nothing.
 */
function whenVerdict(history: CreateOrderSagaEvent[], input: CreateOrderSagaInput) {
  return {
    thenRefusedAsNotAboutTheOrder(participant: Participant): void {
      const state: CreateOrderSagaState = history.reduce(saga.evolve, saga.initialState());
      let refusal: unknown = null;
      try {
        saga.decide(input, state);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toMatchObject({ code: OrderErrorCodes.MismatchedMessage, retryable: false, participant, orderId: ORDER_ID });
    },
  };
}
