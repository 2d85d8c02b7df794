import { givenSaga } from '@brigade/testing';
import { OrderErrorCodes } from '../../domain/order.errors';
import { ORDER_ID } from '../../domain/order.mothers';
import { createOrderSaga as saga, CreateOrderSagaEvent, CreateOrderSagaInput, Participant } from './create-order-saga';

const DEADLINE = '2026-11-27T10:00:30.000Z';
const start: CreateOrderSagaInput = { type: 'StartCreateOrderSaga', data: { orderId: ORDER_ID, deadline: DEADLINE } };
const started: CreateOrderSagaEvent = { type: 'CreateOrderSagaStarted', data: { orderId: ORDER_ID, deadline: DEADLINE } };
const yes = (participant: Participant): CreateOrderSagaInput => ({ type: 'RecordVerdict', data: { orderId: ORDER_ID, participant, approved: true } });
const no = (participant: Participant, reason?: string): CreateOrderSagaInput => ({
  type: 'RecordVerdict',
  data: { orderId: ORDER_ID, participant, approved: false, ...(reason ? { reason } : {}) },
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
    expect(reloaded).toEqual({ status: 'AWAITING_VERDICTS', orderId: ORDER_ID, deadline: DEADLINE, verdicts: { consumer: { approved: true } } });
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
    });
    expect([started, recordedYes('consumer'), recordedYes('kitchen'), recordedYes('accounting'), approved].reduce(saga.evolve, saga.initialState())).toEqual({
      status: 'APPROVED',
      orderId: ORDER_ID,
    });
  });

  it('refuses a verdict for an order it never started', () => {
    givenSaga(saga).when(yes('kitchen')).thenThrows(OrderErrorCodes.UnknownSaga);
    givenSaga(saga).when(no('accounting', 'declined')).thenThrows(OrderErrorCodes.UnknownSaga);
  });
});
