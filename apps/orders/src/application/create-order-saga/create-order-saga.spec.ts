import { given, whenEvent } from '@brigade/testing';
import {
  CreateOrderSagaCommand,
  CreateOrderSagaEvent,
  Participant,
  UNKNOWN_SAGA,
  createOrderSagaDecider as saga,
  reactToCreateOrderSaga,
} from './create-order-saga.decider';
import { ORDER_ID } from './order.mothers';

const DEADLINE = '2026-11-27T10:00:30.000Z';
const started: CreateOrderSagaEvent = { type: 'CreateOrderSagaStarted', data: { orderId: ORDER_ID, deadline: DEADLINE } };
const yes = (participant: Participant): CreateOrderSagaCommand => ({ type: 'RecordVerdict', data: { orderId: ORDER_ID, participant, approved: true } });
const no = (participant: Participant, reason: string): CreateOrderSagaCommand => ({
  type: 'RecordVerdict',
  data: { orderId: ORDER_ID, participant, approved: false, reason },
});
const recordedYes = (participant: Participant): CreateOrderSagaEvent => ({ type: 'VerdictRecorded', data: { orderId: ORDER_ID, participant, approved: true } });
const recordedNo = (participant: Participant, reason: string): CreateOrderSagaEvent => ({
  type: 'VerdictRecorded',
  data: { orderId: ORDER_ID, participant, approved: false, reason },
});
const approved: CreateOrderSagaEvent = { type: 'CreateOrderApproved', data: { orderId: ORDER_ID } };
const rejected = (reason: string): CreateOrderSagaEvent => ({ type: 'CreateOrderRejected', data: { orderId: ORDER_ID, reason } });
const deadlineAt = (now: string): CreateOrderSagaCommand => ({ type: 'PassDeadline', data: { orderId: ORDER_ID, now } });

describe('CreateOrder saga', () => {
  it('starts once', () => {
    given(saga).when({ type: 'StartCreateOrderSaga', data: { orderId: ORDER_ID, deadline: DEADLINE } }).then([started]);
    given(saga, [started]).when({ type: 'StartCreateOrderSaga', data: { orderId: ORDER_ID, deadline: DEADLINE } }).then([]);
  });

  it('approves when the last of three yes verdicts arrives, whatever their order', () => {
    given(saga, [started, recordedYes('kitchen'), recordedYes('accounting')]).when(yes('consumer')).then([recordedYes('consumer'), approved]);
    given(saga, [started, recordedYes('consumer'), recordedYes('kitchen')]).when(yes('accounting')).then([recordedYes('accounting'), approved]);
  });

  it('waits while verdicts are missing', () => {
    given(saga, [started]).when(yes('kitchen')).then([recordedYes('kitchen')]);
  });

  it.each<[Participant, string]>([
    ['consumer', 'consumer is suspended'],
    ['kitchen', 'restaurant is closed'],
    ['accounting', 'total 2997 exceeds available credit 1000'],
  ])('rejects on the first no, from %s', (participant, reason) => {
    given(saga, [started, recordedYes(PARTICIPANT_OTHER_THAN[participant])])
      .when(no(participant, reason))
      .then([recordedNo(participant, reason), rejected(`${participant}: ${reason}`)]);
  });

  it('rejects when the deadline passes first, naming who did not answer', () => {
    given(saga, [started, recordedYes('consumer')]).when(deadlineAt('2026-11-27T10:00:30.000Z')).then([rejected('no answer before the deadline from kitchen, accounting')]);
  });

  it('ignores the deadline before it is due and after the decision', () => {
    given(saga, [started]).when(deadlineAt('2026-11-27T10:00:29.999Z')).then([]);
    given(saga, [started, recordedYes('consumer'), recordedYes('kitchen'), recordedYes('accounting'), approved]).when(deadlineAt('2026-11-27T11:00:00.000Z')).then([]);
  });

  it('decides nothing on a late verdict after the rejection', () => {
    given(saga, [started, recordedNo('accounting', 'declined'), rejected('accounting: declined')]).when(yes('kitchen')).then([]);
    given(saga, [started, rejected('no answer before the deadline from consumer, kitchen, accounting')]).when(yes('consumer')).then([]);
  });

  it('decides nothing on a duplicated verdict', () => {
    given(saga, [started, recordedYes('kitchen')]).when(yes('kitchen')).then([]);
    given(saga, [started, recordedYes('kitchen')]).when(no('kitchen', 'changed its mind')).then([]);
  });

  it('continues where it was after a restart between verdicts: its state is its events', () => {
    const beforeRestart = [started, recordedYes('consumer')];
    const reloaded = beforeRestart.reduce(saga.evolve, saga.initialState());
    expect(reloaded).toEqual({ status: 'AWAITING_VERDICTS', orderId: ORDER_ID, deadline: DEADLINE, verdicts: { consumer: { approved: true } } });
    given(saga, [...beforeRestart, recordedYes('kitchen')]).when(yes('accounting')).then([recordedYes('accounting'), approved]);
  });

  it('refuses a verdict for an order it never started', () => {
    given(saga).when(yes('kitchen')).thenThrows(UNKNOWN_SAGA);
  });

  describe('reactions', () => {
    it('approves the order when the saga approves', () => {
      whenEvent(reactToCreateOrderSaga, approved).thenCommands([{ type: 'ApproveOrder', data: { orderId: ORDER_ID } }]);
    });

    it('rejects the order with the saga’s reason', () => {
      whenEvent(reactToCreateOrderSaga, rejected('kitchen: restaurant is closed')).thenCommands([
        { type: 'RejectOrder', data: { orderId: ORDER_ID, reason: 'kitchen: restaurant is closed' } },
      ]);
    });

    it('commands nothing while verdicts come in', () => {
      whenEvent(reactToCreateOrderSaga, started).thenCommands([]);
      whenEvent(reactToCreateOrderSaga, recordedYes('consumer')).thenCommands([]);
    });
  });
});

const PARTICIPANT_OTHER_THAN: Record<Participant, Participant> = { consumer: 'kitchen', kitchen: 'accounting', accounting: 'consumer' };
