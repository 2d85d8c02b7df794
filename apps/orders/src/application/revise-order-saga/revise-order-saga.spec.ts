import { givenSaga } from '@brigade/testing';
import { OrderErrorCodes } from '../../domain/order.errors';
import { ORDER_ID } from '../../domain/order.mothers';
import { reviseOrderSaga as saga, ReviseOrderSagaEvent, ReviseOrderSagaInput, RevisionParticipant } from './revise-order-saga';

const DEADLINE = '2026-11-27T10:00:30.000Z';
const LATER_DEADLINE = '2026-11-27T10:10:30.000Z';
const start = (revision = 1, deadline = DEADLINE): ReviseOrderSagaInput => ({ type: 'StartReviseOrderSaga', data: { orderId: ORDER_ID, revision, deadline } });
const started = (revision = 1, deadline = DEADLINE): ReviseOrderSagaEvent => ({ type: 'ReviseOrderSagaStarted', data: { orderId: ORDER_ID, revision, deadline } });
const yes = (participant: RevisionParticipant, revision = 1): ReviseOrderSagaInput => ({
  type: 'RecordRevisionVerdict',
  data: { orderId: ORDER_ID, revision, participant, approved: true },
});
const no = (participant: RevisionParticipant, reason: string, revision = 1): ReviseOrderSagaInput => ({
  type: 'RecordRevisionVerdict',
  data: { orderId: ORDER_ID, revision, participant, approved: false, reason },
});
const recordedYes = (participant: RevisionParticipant, revision = 1): ReviseOrderSagaEvent => ({
  type: 'RevisionVerdictRecorded',
  data: { orderId: ORDER_ID, revision, participant, approved: true },
});
const recordedNo = (participant: RevisionParticipant, reason: string, revision = 1): ReviseOrderSagaEvent => ({
  type: 'RevisionVerdictRecorded',
  data: { orderId: ORDER_ID, revision, participant, approved: false, reason },
});
const approved = (revision = 1): ReviseOrderSagaEvent => ({ type: 'RevisionApproved', data: { orderId: ORDER_ID, revision } });
const rejected = (reason: string, revision = 1): ReviseOrderSagaEvent => ({ type: 'RevisionRejected', data: { orderId: ORDER_ID, revision, reason } });
const deadlineAt = (now: string): ReviseOrderSagaInput => ({ type: 'PassDeadline', data: { orderId: ORDER_ID, now } });

const confirmRevision = (revision = 1) => ({ type: 'ConfirmRevision', data: { orderId: ORDER_ID, revision } }) as const;
const rejectRevision = (reason: string, revision = 1) => ({ type: 'RejectRevision', data: { orderId: ORDER_ID, revision, reason } }) as const;
const NOTHING = { events: [], send: [] };
const CANCEL_TIMER = { cancel: true } as const;
const OTHER: Record<RevisionParticipant, RevisionParticipant> = { kitchen: 'accounting', accounting: 'kitchen' };
const REASON: Record<RevisionParticipant, string> = { kitchen: 'ticket is PREPARING', accounting: 'increase 900 exceeds available credit 500' };

describe('ReviseOrder saga', () => {
  it('starts for the proposed revision and schedules its deadline, sending nothing yet', () => {
    givenSaga(saga).when(start()).then({ events: [started()], send: [], timer: { schedule: DEADLINE } });
  });

  it('decides nothing when the same revision is started again, or an earlier one', () => {
    givenSaga(saga, [started()]).when(start(1, LATER_DEADLINE)).then(NOTHING);
    givenSaga(saga, [started(), recordedYes('kitchen'), recordedYes('accounting'), approved()]).when(start(1, LATER_DEADLINE)).then(NOTHING);
    givenSaga(saga, [started(), approved(), started(2, LATER_DEADLINE)]).when(start(1, LATER_DEADLINE)).then(NOTHING);
  });

  it.each<RevisionParticipant>(['kitchen', 'accounting'])('records a yes from %s and waits for the other, keeping its deadline', (participant) => {
    givenSaga(saga, [started()]).when(yes(participant)).then({ events: [recordedYes(participant)], send: [] });
  });

  it.each<RevisionParticipant>(['accounting', 'kitchen'])('revises the order and clears its deadline when %s says yes last', (last) => {
    givenSaga(saga, [started(), recordedYes(OTHER[last])])
      .when(yes(last))
      .then({ events: [recordedYes(last), approved()], send: [confirmRevision()], timer: CANCEL_TIMER });
  });

  it.each<RevisionParticipant>(['kitchen', 'accounting'])('rejects the revision with the reason when %s says no first, clearing its deadline', (participant) => {
    const reason = `${participant}: ${REASON[participant]}`;
    givenSaga(saga, [started()])
      .when(no(participant, REASON[participant]))
      .then({ events: [recordedNo(participant, REASON[participant]), rejected(reason)], send: [rejectRevision(reason)], timer: CANCEL_TIMER });
  });

  it.each<RevisionParticipant>(['kitchen', 'accounting'])('rejects the revision when %s says no after the other said yes (who said yes undoes it)', (participant) => {
    const reason = `${participant}: ${REASON[participant]}`;
    givenSaga(saga, [started(), recordedYes(OTHER[participant])])
      .when(no(participant, REASON[participant]))
      .then({ events: [recordedNo(participant, REASON[participant]), rejected(reason)], send: [rejectRevision(reason)], timer: CANCEL_TIMER });
  });

  it('rejects on a no that gives no reason, saying who refused', () => {
    givenSaga(saga, [started()])
      .when({ type: 'RecordRevisionVerdict', data: { orderId: ORDER_ID, revision: 1, participant: 'kitchen', approved: false } })
      .then({
        events: [{ type: 'RevisionVerdictRecorded', data: { orderId: ORDER_ID, revision: 1, participant: 'kitchen', approved: false } }, rejected('kitchen: refused')],
        send: [rejectRevision('kitchen: refused')],
        timer: CANCEL_TIMER,
      });
  });

  it('rejects when the deadline passes first, naming who did not answer', () => {
    const both = 'no answer before the deadline from kitchen, accounting';
    givenSaga(saga, [started()]).when(deadlineAt(DEADLINE)).then({ events: [rejected(both)], send: [rejectRevision(both)], timer: CANCEL_TIMER });
    const accounting = 'no answer before the deadline from accounting';
    givenSaga(saga, [started(), recordedYes('kitchen')])
      .when(deadlineAt('2026-11-27T10:05:00.000Z'))
      .then({ events: [rejected(accounting)], send: [rejectRevision(accounting)], timer: CANCEL_TIMER });
    const kitchen = 'no answer before the deadline from kitchen';
    givenSaga(saga, [started(), recordedYes('accounting')]).when(deadlineAt(DEADLINE)).then({ events: [rejected(kitchen)], send: [rejectRevision(kitchen)], timer: CANCEL_TIMER });
  });

  it('ignores the deadline before it is due', () => {
    givenSaga(saga, [started()]).when(deadlineAt('2026-11-27T10:00:29.999Z')).then(NOTHING);
  });

  it('ignores the deadline after the decision, and for a saga never started', () => {
    givenSaga(saga, [started(), recordedYes('kitchen'), recordedYes('accounting'), approved()]).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
    givenSaga(saga, [started(), recordedNo('kitchen', 'x'), rejected('kitchen: x')]).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
    givenSaga(saga).when(deadlineAt('2026-11-27T11:00:00.000Z')).then(NOTHING);
  });

  it('decides nothing on an answer for another revision than the one awaited', () => {
    const secondAwaited = [started(), recordedNo('accounting', 'x'), rejected('accounting: x'), started(2, LATER_DEADLINE)];
    givenSaga(saga, secondAwaited).when(yes('kitchen', 1)).then(NOTHING);
    givenSaga(saga, secondAwaited).when(no('kitchen', 'late', 1)).then(NOTHING);
    givenSaga(saga, [started()]).when(yes('kitchen', 2)).then(NOTHING);
  });

  it('decides nothing on a duplicated answer', () => {
    givenSaga(saga, [started(), recordedYes('kitchen')]).when(yes('kitchen')).then(NOTHING);
    givenSaga(saga, [started(), recordedYes('kitchen')]).when(no('kitchen', 'changed its mind')).then(NOTHING);
  });

  it('decides nothing on an answer after the decision', () => {
    givenSaga(saga, [started(), recordedNo('kitchen', 'x'), rejected('kitchen: x')]).when(yes('accounting')).then(NOTHING);
    givenSaga(saga, [started(), rejected('no answer before the deadline from kitchen, accounting')]).when(yes('kitchen')).then(NOTHING);
    givenSaga(saga, [started(), recordedYes('kitchen'), recordedYes('accounting'), approved()]).when(no('accounting', 'late')).then(NOTHING);
  });

  it('starts a second revision once the first was decided, and decides it on its own answers', () => {
    const firstApproved = [started(), recordedYes('kitchen'), recordedYes('accounting'), approved()];
    givenSaga(saga, firstApproved).when(start(2, LATER_DEADLINE)).then({ events: [started(2, LATER_DEADLINE)], send: [], timer: { schedule: LATER_DEADLINE } });
    const firstRejected = [started(), recordedNo('kitchen', 'x'), rejected('kitchen: x')];
    givenSaga(saga, firstRejected).when(start(2, LATER_DEADLINE)).then({ events: [started(2, LATER_DEADLINE)], send: [], timer: { schedule: LATER_DEADLINE } });

    const second = [...firstApproved, started(2, LATER_DEADLINE)];
    expect(second.reduce(saga.evolve, saga.initialState())).toEqual({ status: 'AWAITING_VERDICTS', orderId: ORDER_ID, revision: 2, deadline: LATER_DEADLINE, verdicts: {} });
    givenSaga(saga, [...second, recordedYes('accounting', 2)])
      .when(yes('kitchen', 2))
      .then({ events: [recordedYes('kitchen', 2), approved(2)], send: [confirmRevision(2)], timer: CANCEL_TIMER });
    givenSaga(saga, second).when(deadlineAt(DEADLINE)).then(NOTHING);
  });

  it('continues where it was after a restart between answers: its state is its events', () => {
    const beforeRestart = [started(), recordedYes('accounting')];
    expect(beforeRestart.reduce(saga.evolve, saga.initialState())).toEqual({
      status: 'AWAITING_VERDICTS',
      orderId: ORDER_ID,
      revision: 1,
      deadline: DEADLINE,
      verdicts: { accounting: { approved: true } },
    });
    expect([...beforeRestart, recordedNo('kitchen', 'x'), rejected('kitchen: x')].reduce(saga.evolve, saga.initialState())).toEqual({
      status: 'DECIDED',
      orderId: ORDER_ID,
      revision: 1,
    });
  });

  it('refuses an answer for an order whose revision it never started', () => {
    givenSaga(saga).when(yes('kitchen')).thenThrows(OrderErrorCodes.UnknownSaga);
    givenSaga(saga).when(no('accounting', 'declined')).thenThrows(OrderErrorCodes.UnknownSaga);
  });
});
