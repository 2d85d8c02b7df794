import { assertNever, Decider, DomainError, DomainEvent } from '@brigade/domain';
import type { OrderCommand } from './order.decider';

export type Participant = 'consumer' | 'kitchen' | 'accounting';
export const PARTICIPANTS: readonly Participant[] = ['consumer', 'kitchen', 'accounting'];

export interface Verdict {
  readonly approved: boolean;
  readonly reason?: string;
}

export type CreateOrderSagaCommand =
  | { type: 'StartCreateOrderSaga'; data: { orderId: string; deadline: string } }
  | { type: 'RecordVerdict'; data: { orderId: string; participant: Participant } & Verdict }
  | { type: 'PassDeadline'; data: { orderId: string; now: string } };

export type CreateOrderSagaEvent =
  | DomainEvent<'CreateOrderSagaStarted', { orderId: string; deadline: string }>
  | DomainEvent<'VerdictRecorded', { orderId: string; participant: Participant } & Verdict>
  | DomainEvent<'CreateOrderApproved', { orderId: string }>
  | DomainEvent<'CreateOrderRejected', { orderId: string; reason: string }>;

export type CreateOrderSagaState =
  | { status: 'NOT_STARTED' }
  | { status: 'AWAITING_VERDICTS'; orderId: string; deadline: string; verdicts: Partial<Record<Participant, Verdict>> }
  | { status: 'APPROVED'; orderId: string }
  | { status: 'REJECTED'; orderId: string; reason: string };

export const UNKNOWN_SAGA = 'ORDERS.CREATE_ORDER_SAGA.UNKNOWN';

/**
 * The CreateOrder saga: collects the three participants' verdicts, which arrive in any order.
 * All yes → approved; the first no, or the deadline passing first → rejected. It decides once:
 * a verdict that comes again, or after the decision, decides nothing (participants compensate
 * on their own when they see orders.order.rejected.v1, e.g. kitchen cancels a ticket it creates
 * late). Its state is its events, so a restart between verdicts loses nothing.
 */
export const createOrderSagaDecider: Decider<CreateOrderSagaCommand, CreateOrderSagaEvent, CreateOrderSagaState> = {
  initialState: () => ({ status: 'NOT_STARTED' }),

  decide(command, state) {
    switch (command.type) {
      case 'StartCreateOrderSaga':
        return state.status === 'NOT_STARTED' ? [{ type: 'CreateOrderSagaStarted', data: command.data }] : [];
      case 'RecordVerdict': {
        const { orderId, participant, approved, reason } = command.data;
        if (state.status === 'NOT_STARTED') throw new DomainError(UNKNOWN_SAGA, 'not-found', `No CreateOrder saga for order ${orderId}`, { orderId });
        if (state.status !== 'AWAITING_VERDICTS' || state.verdicts[participant]) return [];
        const recorded: CreateOrderSagaEvent = {
          type: 'VerdictRecorded',
          data: { orderId, participant, approved, ...(reason ? { reason } : {}) },
        };
        if (!approved) return [recorded, { type: 'CreateOrderRejected', data: { orderId, reason: `${participant}: ${reason ?? 'refused'}` } }];
        const othersApproved = PARTICIPANTS.every((p) => p === participant || state.verdicts[p]?.approved);
        return othersApproved ? [recorded, { type: 'CreateOrderApproved', data: { orderId } }] : [recorded];
      }
      case 'PassDeadline': {
        if (state.status !== 'AWAITING_VERDICTS' || Date.parse(command.data.now) < Date.parse(state.deadline)) return [];
        const silent = PARTICIPANTS.filter((p) => !state.verdicts[p]);
        return [{ type: 'CreateOrderRejected', data: { orderId: state.orderId, reason: `no answer before the deadline from ${silent.join(', ')}` } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CreateOrderSagaStarted':
        return { status: 'AWAITING_VERDICTS', orderId: event.data.orderId, deadline: event.data.deadline, verdicts: {} };
      case 'VerdictRecorded': {
        if (state.status !== 'AWAITING_VERDICTS') return state;
        const { participant, approved, reason } = event.data;
        return { ...state, verdicts: { ...state.verdicts, [participant]: { approved, ...(reason ? { reason } : {}) } } };
      }
      case 'CreateOrderApproved':
        return { status: 'APPROVED', orderId: event.data.orderId };
      case 'CreateOrderRejected':
        return { status: 'REJECTED', orderId: event.data.orderId, reason: event.data.reason };
      default:
        return assertNever(event);
    }
  },
};

/** What the saga's decisions make the Order do (in the same transaction as the saga's append). */
export function reactToCreateOrderSaga(event: CreateOrderSagaEvent): OrderCommand[] {
  switch (event.type) {
    case 'CreateOrderApproved':
      return [{ type: 'ApproveOrder', data: { orderId: event.data.orderId } }];
    case 'CreateOrderRejected':
      return [{ type: 'RejectOrder', data: { orderId: event.data.orderId, reason: event.data.reason } }];
    case 'CreateOrderSagaStarted':
    case 'VerdictRecorded':
      return [];
    default:
      return assertNever(event);
  }
}
