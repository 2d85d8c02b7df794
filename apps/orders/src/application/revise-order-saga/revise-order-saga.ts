import { assertNever, DomainEvent, Saga, SagaDecision } from '@brigade/domain';
import type { OrderCommand } from '../../domain/order.commands';
import { UnknownSagaError } from '../../domain/order.errors';

export type RevisionParticipant = 'kitchen' | 'accounting';
export const REVISION_PARTICIPANTS: readonly RevisionParticipant[] = ['kitchen', 'accounting'];

export interface RevisionVerdict {
  readonly approved: boolean;
  readonly reason?: string;
}

export type ReviseOrderSagaInput =
  | { type: 'StartReviseOrderSaga'; data: { orderId: string; revision: number; deadline: string } }
  | { type: 'RecordRevisionVerdict'; data: { orderId: string; revision: number; participant: RevisionParticipant } & RevisionVerdict }
  | { type: 'PassDeadline'; data: { orderId: string; now: string } };

export type ReviseOrderSagaEvent =
  | DomainEvent<'ReviseOrderSagaStarted', { orderId: string; revision: number; deadline: string }>
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
    }
  | { status: 'DECIDED'; orderId: string; revision: number };

type Decision = SagaDecision<ReviseOrderSagaEvent, OrderCommand>;
const NOTHING: Decision = { events: [], send: [] };

/**
 * The ReviseOrder saga: the kitchen (new lines on the ticket) and accounting (the hold moved to the
 * new total) both answer a proposed revision. Both yes → the order is revised; the first no, or the
 * deadline → the revision is rejected, and whoever said yes undoes it on orders.order.revision-rejected.v1.
 * Answers name their revision, so one for an earlier revision, a repeat, or one after the decision
 * decides nothing. One saga per order (stream), one revision at a time (the order refuses a second
 * while one is pending).
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
        const { orderId, revision, participant, approved, reason } = input.data;
        if (state.status === 'NOT_STARTED') throw new UnknownSagaError('ReviseOrder', orderId);
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
        const { orderId, revision, deadline } = event.data;
        return { status: 'AWAITING_VERDICTS', orderId, revision, deadline, verdicts: {} };
      }
      case 'RevisionVerdictRecorded': {
        if (state.status !== 'AWAITING_VERDICTS') return state;
        const { participant, approved, reason } = event.data;
        return { ...state, verdicts: { ...state.verdicts, [participant]: { approved, ...(reason ? { reason } : {}) } } };
      }
      case 'RevisionApproved':
      case 'RevisionRejected':
        return { status: 'DECIDED', orderId: event.data.orderId, revision: event.data.revision };
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
