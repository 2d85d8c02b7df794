import { givenSaga } from '@brigade/testing';
import type { AnswerAbout, OrderTerms } from '../../domain/order-terms';
import { OrderErrorCodes } from '../../domain/order.errors';
import { CONSUMER_ID, ORDER_ID, RESTAURANT_ID } from '../../domain/order.mothers';
import { reviseOrderSaga as saga, ReviseOrderSagaEvent, ReviseOrderSagaInput, ReviseOrderSagaState, RevisionParticipant } from './revise-order-saga';

const DEADLINE = '2026-11-27T10:00:30.000Z';
const LATER_DEADLINE = '2026-11-27T10:10:30.000Z';
/** Each revision's total, as priced when it was proposed. */
const REVISION_TOTAL: Record<number, number> = { 1: 3897, 2: 1299 };
const termsOf = (revision: number): OrderTerms => ({ consumerId: CONSUMER_ID, restaurantId: RESTAURANT_ID, orderTotalCents: REVISION_TOTAL[revision] });
/** What each participant's answer names about the order, as their contracts carry it (accounting's decline names no amount). */
const aboutOf = (participant: RevisionParticipant, revision: number, approved: boolean): AnswerAbout =>
  participant === 'kitchen' ? { restaurantId: RESTAURANT_ID } : approved ? { consumerId: CONSUMER_ID, amountCents: REVISION_TOTAL[revision] } : { consumerId: CONSUMER_ID };
const start = (revision = 1, deadline = DEADLINE): ReviseOrderSagaInput => ({
  type: 'StartReviseOrderSaga',
  data: { orderId: ORDER_ID, revision, deadline, terms: termsOf(revision) },
});
const started = (revision = 1, deadline = DEADLINE): ReviseOrderSagaEvent => ({
  type: 'ReviseOrderSagaStarted',
  data: { orderId: ORDER_ID, revision, deadline, terms: termsOf(revision) },
});
const yes = (participant: RevisionParticipant, revision = 1, about = aboutOf(participant, revision, true)): ReviseOrderSagaInput => ({
  type: 'RecordRevisionVerdict',
  data: { orderId: ORDER_ID, revision, participant, about, approved: true },
});
const no = (participant: RevisionParticipant, reason: string, revision = 1, about = aboutOf(participant, revision, false)): ReviseOrderSagaInput => ({
  type: 'RecordRevisionVerdict',
  data: { orderId: ORDER_ID, revision, participant, about, approved: false, reason },
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
      .when({ type: 'RecordRevisionVerdict', data: { orderId: ORDER_ID, revision: 1, participant: 'kitchen', about: aboutOf('kitchen', 1, false), approved: false } })
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
    expect(second.reduce(saga.evolve, saga.initialState())).toEqual({
      status: 'AWAITING_VERDICTS',
      orderId: ORDER_ID,
      revision: 2,
      deadline: LATER_DEADLINE,
      verdicts: {},
      terms: termsOf(2),
    });
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
      terms: termsOf(1),
    });
    expect([...beforeRestart, recordedNo('kitchen', 'x'), rejected('kitchen: x')].reduce(saga.evolve, saga.initialState())).toEqual({
      status: 'DECIDED',
      orderId: ORDER_ID,
      revision: 1,
      terms: termsOf(1),
    });
  });

  it('refuses an answer for an order whose revision it never started', () => {
    givenSaga(saga).when(yes('kitchen')).thenThrows(OrderErrorCodes.UnknownSaga);
    givenSaga(saga).when(no('accounting', 'declined')).thenThrows(OrderErrorCodes.UnknownSaga);
  });

  describe('an answer must be about its order and revision (a forged or misrouted one is parked, never applied)', () => {
    const OTHER_CONSUMER = '00000000-0000-4000-8000-0000000000c2';
    const OTHER_RESTAURANT = '00000000-0000-4000-8000-0000000000e2';

    it.each<[string, ReviseOrderSagaInput]>([
      ['accounting holding another amount than the revision’s total', yes('accounting', 1, { consumerId: CONSUMER_ID, amountCents: 2997 })],
      ['accounting naming another consumer', yes('accounting', 1, { consumerId: OTHER_CONSUMER, amountCents: REVISION_TOTAL[1] })],
      ['the kitchen naming another restaurant', yes('kitchen', 1, { restaurantId: OTHER_RESTAURANT })],
      ['a decline from accounting naming another consumer', no('accounting', 'declined', 1, { consumerId: OTHER_CONSUMER })],
      ['a refusal from the kitchen naming another restaurant', no('kitchen', 'preparing', 1, { restaurantId: OTHER_RESTAURANT })],
    ])('refuses %s, recording nothing', (_case, answer) => {
      whenAnswer([started(), recordedYes('kitchen')], answer).thenRefusedAsNotAboutTheOrder();
    });

    it('checks the amount against the revision it answers only: one for another revision is checked for its parties, and decides nothing', () => {
      const secondAwaited = [started(), recordedNo('accounting', 'x'), rejected('accounting: x'), started(2, LATER_DEADLINE)];
      givenSaga(saga, secondAwaited).when(yes('accounting', 1)).then(NOTHING);
      whenAnswer(secondAwaited, yes('accounting', 1, { consumerId: OTHER_CONSUMER, amountCents: REVISION_TOTAL[1] })).thenRefusedAsNotAboutTheOrder();
    });

    it('takes answers as they come for a revision started before the saga recorded its terms', () => {
      const startedWithoutTerms: ReviseOrderSagaEvent = { type: 'ReviseOrderSagaStarted', data: { orderId: ORDER_ID, revision: 1, deadline: DEADLINE } };
      givenSaga(saga, [startedWithoutTerms]).when(yes('accounting', 1, { consumerId: OTHER_CONSUMER, amountCents: 1 })).then({ events: [recordedYes('accounting')], send: [] });
    });
  });
});

/** The saga refuses the answer with an unretryable MismatchedMessageError (the consumer parks the message at once), recording and sending nothing. */
function whenAnswer(history: ReviseOrderSagaEvent[], input: ReviseOrderSagaInput) {
  return {
    thenRefusedAsNotAboutTheOrder(): void {
      const state: ReviseOrderSagaState = history.reduce(saga.evolve, saga.initialState());
      let refusal: unknown = null;
      try {
        saga.decide(input, state);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toMatchObject({ code: OrderErrorCodes.MismatchedMessage, retryable: false, orderId: ORDER_ID });
    },
  };
}
