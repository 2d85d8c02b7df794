import { assertNever, DomainEvent, Saga, SagaDecision } from '@brigade/domain';
import type { OrderCommand } from '../../domain/order.commands';
import { AnswerAbout, assertAnswerIsAbout, OrderTerms } from '../../domain/order-terms';
import { UnknownSagaError } from '../../domain/order.errors';

export type RevisionParticipant = 'kitchen' | 'accounting';
export const REVISION_PARTICIPANTS: readonly RevisionParticipant[] = ['kitchen', 'accounting'];

export interface RevisionVerdict {
  readonly approved: boolean;
  readonly reason?: string;
}

/**
 * `terms`: the order's, with the revision's total. `about`: what the verdict's message names about
 * the order (see AnswerAbout); it must match the terms.
 */
export type ReviseOrderSagaInput =
  | { type: 'StartReviseOrderSaga'; data: { orderId: string; revision: number; deadline: string; terms: OrderTerms } }
  | { type: 'RecordRevisionVerdict'; data: { orderId: string; revision: number; participant: RevisionParticipant; about: AnswerAbout } & RevisionVerdict }
  | { type: 'PassDeadline'; data: { orderId: string; now: string } };

/** `terms` is absent from the start of a revision proposed before sagas recorded them. */
export type ReviseOrderSagaEvent =
  | DomainEvent<'ReviseOrderSagaStarted', { orderId: string; revision: number; deadline: string; terms?: OrderTerms }>
  | DomainEvent<'RevisionVerdictRecorded', { orderId: string; revision: number; participant: RevisionParticipant } & RevisionVerdict>
  | DomainEvent<'RevisionApproved', { orderId: string; revision: number }>
  | DomainEvent<'RevisionRejected', { orderId: string; revision: number; reason: string }>;

export type ReviseOrderSagaState =
  | { status: 'NOT_STARTED' }
  | {
      status: 'AWAITING_VERDICTS';
      orderId: string;
      revision: number;
      deadline: string;
      verdicts: Partial<Record<RevisionParticipant, RevisionVerdict>>;
      terms?: OrderTerms;
    }
  | { status: 'DECIDED'; orderId: string; revision: number; terms?: OrderTerms };

type Decision = SagaDecision<ReviseOrderSagaEvent, OrderCommand>;
const NOTHING: Decision = { events: [], send: [] };

/**
 * The ReviseOrder saga: the kitchen (new lines on the ticket) and accounting (the hold moved to the
 * new total) both answer a proposed revision. Both yes → the order is revised; the first no, or the
 * deadline → the revision is rejected, and whoever said yes undoes it on orders.order.revision-rejected.v1.
 * Answers name their revision, so one for an earlier revision, a repeat, or one after the decision
 * decides nothing. One saga per order (stream), one revision at a time (the order refuses a second
 * while one is pending). A verdict naming another consumer or restaurant than the order's, or
 * another amount than its revision's total, is refused (forged or misrouted: the consumer parks it).
 */
export const reviseOrderSaga: Saga<ReviseOrderSagaInput, ReviseOrderSagaEvent, ReviseOrderSagaState, OrderCommand> = {
  initialState: () => ({ status: 'NOT_STARTED' }),

  decide(input, state): Decision {
    switch (input.type) {
      case 'StartReviseOrderSaga': {
        if (state.status !== 'NOT_STARTED' && state.revision >= input.data.revision) return NOTHING;
        return { events: [{ type: 'ReviseOrderSagaStarted', data: input.data }], send: [], timer: { schedule: input.data.deadline } };
      }
      case 'RecordRevisionVerdict': {
        const { orderId, revision, participant, approved, reason, about } = input.data;
        if (state.status === 'NOT_STARTED') throw new UnknownSagaError('ReviseOrder', orderId);
        // The terms hold the current revision's total: an answer about another revision is checked for its parties only.
        const checked = revision === state.revision ? about : { ...about, amountCents: undefined };
        assertAnswerIsAbout(state.terms, { context: 'the ReviseOrder saga', orderId, participant, about: checked });
        if (state.status !== 'AWAITING_VERDICTS' || state.revision !== revision || state.verdicts[participant]) return NOTHING;
        const recorded: ReviseOrderSagaEvent = {
          type: 'RevisionVerdictRecorded',
          data: { orderId, revision, participant, approved, ...(reason ? { reason } : {}) },
        };
        if (!approved) return reject(orderId, revision, `${participant}: ${reason ?? 'refused'}`, [recorded]);
        const othersApproved = REVISION_PARTICIPANTS.every((p) => p === participant || state.verdicts[p]?.approved);
        if (!othersApproved) return { events: [recorded], send: [] };
        return {
          events: [recorded, { type: 'RevisionApproved', data: { orderId, revision } }],
          send: [{ type: 'ConfirmRevision', data: { orderId, revision } }],
          timer: { cancel: true },
        };
      }
      case 'PassDeadline': {
        if (state.status !== 'AWAITING_VERDICTS' || Date.parse(input.data.now) < Date.parse(state.deadline)) return NOTHING;
        const silent = REVISION_PARTICIPANTS.filter((p) => !state.verdicts[p]);
        return reject(state.orderId, state.revision, `no answer before the deadline from ${silent.join(', ')}`, []);
      }
      default:
        return assertNever(input);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ReviseOrderSagaStarted': {
        const { orderId, revision, deadline, terms } = event.data;
        return { status: 'AWAITING_VERDICTS', orderId, revision, deadline, verdicts: {}, ...(terms ? { terms } : {}) };
      }
      case 'RevisionVerdictRecorded': {
        if (state.status !== 'AWAITING_VERDICTS') return state;
        const { participant, approved, reason } = event.data;
        return { ...state, verdicts: { ...state.verdicts, [participant]: { approved, ...(reason ? { reason } : {}) } } };
      }
      case 'RevisionApproved':
      case 'RevisionRejected': {
        const terms = state.status === 'NOT_STARTED' ? undefined : state.terms;
        return { status: 'DECIDED', orderId: event.data.orderId, revision: event.data.revision, ...(terms ? { terms } : {}) };
      }
      default:
        return assertNever(event);
    }
  },
};

function reject(orderId: string, revision: number, reason: string, recorded: ReviseOrderSagaEvent[]): Decision {
  return {
    events: [...recorded, { type: 'RevisionRejected', data: { orderId, revision, reason } }],
    send: [{ type: 'RejectRevision', data: { orderId, revision, reason } }],
    timer: { cancel: true },
  };
}
