import { assertNever, DomainEvent, Saga, SagaDecision } from '@brigade/domain';
import type { OrderCommand } from '../../domain/order.commands';
import { AnswerAbout, assertAnswerIsAbout, OrderTerms } from '../../domain/order-terms';
import { UnknownSagaError } from '../../domain/order.errors';

export type Participant = 'consumer' | 'kitchen' | 'accounting';
export const PARTICIPANTS: readonly Participant[] = ['consumer', 'kitchen', 'accounting'];

export interface Verdict {
  readonly approved: boolean;
  readonly reason?: string;
}

/** `about`: what the verdict's message names about the order (see AnswerAbout); it must match the order's terms. */
export type CreateOrderSagaInput =
  | { type: 'StartCreateOrderSaga'; data: { orderId: string; deadline: string; terms: OrderTerms } }
  | { type: 'RecordVerdict'; data: { orderId: string; participant: Participant; about: AnswerAbout } & Verdict }
  | { type: 'PassDeadline'; data: { orderId: string; now: string } };

/** `terms` is absent from the start of a saga begun before sagas recorded them. */
export type CreateOrderSagaEvent =
  | DomainEvent<'CreateOrderSagaStarted', { orderId: string; deadline: string; terms?: OrderTerms }>
  | DomainEvent<'VerdictRecorded', { orderId: string; participant: Participant } & Verdict>
  | DomainEvent<'CreateOrderApproved', { orderId: string }>
  | DomainEvent<'CreateOrderRejected', { orderId: string; reason: string }>;

/** The order's terms are kept to the end, so a verdict coming late is checked like one in time. */
export type CreateOrderSagaState =
  | { status: 'NOT_STARTED' }
  | { status: 'AWAITING_VERDICTS'; orderId: string; deadline: string; verdicts: Partial<Record<Participant, Verdict>>; terms?: OrderTerms }
  | { status: 'APPROVED'; orderId: string; terms?: OrderTerms }
  | { status: 'REJECTED'; orderId: string; reason: string; terms?: OrderTerms };

type Decision = SagaDecision<CreateOrderSagaEvent, OrderCommand>;
const NOTHING: Decision = { events: [], send: [] };

/**
 * The CreateOrder saga: collects the three participants' verdicts on a new order, which arrive in
 * any order. All yes → approve the order; the first no, or the deadline passing first → reject it
 * with the reason. It decides once: a verdict that comes again, or after the decision, decides
 * nothing (participants compensate on their own when they see orders.order.rejected.v1, e.g. the
 * kitchen cancels a ticket it creates late). Its state is its events, so a restart between
 * verdicts loses nothing; its deadline is set with its start and cleared by its decision.
 * A verdict naming another consumer, restaurant or amount than the order's is refused (forged or
 * misrouted: the consumer parks it), whenever it comes.
 */
export const createOrderSaga: Saga<CreateOrderSagaInput, CreateOrderSagaEvent, CreateOrderSagaState, OrderCommand> = {
  initialState: () => ({ status: 'NOT_STARTED' }),

  decide(input, state): Decision {
    switch (input.type) {
      case 'StartCreateOrderSaga':
        if (state.status !== 'NOT_STARTED') return NOTHING;
        return { events: [{ type: 'CreateOrderSagaStarted', data: input.data }], send: [], timer: { schedule: input.data.deadline } };
      case 'RecordVerdict': {
        const { orderId, participant, approved, reason, about } = input.data;
        if (state.status === 'NOT_STARTED') throw new UnknownSagaError('CreateOrder', orderId);
        assertAnswerIsAbout(state.terms, { context: 'the CreateOrder saga', orderId, participant, about });
        if (state.status !== 'AWAITING_VERDICTS' || state.verdicts[participant]) return NOTHING;
        const recorded: CreateOrderSagaEvent = { type: 'VerdictRecorded', data: { orderId, participant, approved, ...(reason ? { reason } : {}) } };
        if (!approved) return reject(orderId, `${participant}: ${reason ?? 'refused'}`, [recorded]);
        const othersApproved = PARTICIPANTS.every((p) => p === participant || state.verdicts[p]?.approved);
        if (!othersApproved) return { events: [recorded], send: [] };
        return {
          events: [recorded, { type: 'CreateOrderApproved', data: { orderId } }],
          send: [{ type: 'ApproveOrder', data: { orderId } }],
          timer: { cancel: true },
        };
      }
      case 'PassDeadline': {
        if (state.status !== 'AWAITING_VERDICTS' || Date.parse(input.data.now) < Date.parse(state.deadline)) return NOTHING;
        const silent = PARTICIPANTS.filter((p) => !state.verdicts[p]);
        return reject(state.orderId, `no answer before the deadline from ${silent.join(', ')}`, []);
      }
      default:
        return assertNever(input);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CreateOrderSagaStarted': {
        const { orderId, deadline, terms } = event.data;
        return { status: 'AWAITING_VERDICTS', orderId, deadline, verdicts: {}, ...termsOf(terms) };
      }
      case 'VerdictRecorded': {
        if (state.status !== 'AWAITING_VERDICTS') return state;
        const { participant, approved, reason } = event.data;
        return { ...state, verdicts: { ...state.verdicts, [participant]: { approved, ...(reason ? { reason } : {}) } } };
      }
      case 'CreateOrderApproved':
        return { status: 'APPROVED', orderId: event.data.orderId, ...termsOf(termsIn(state)) };
      case 'CreateOrderRejected':
        return { status: 'REJECTED', orderId: event.data.orderId, reason: event.data.reason, ...termsOf(termsIn(state)) };
      default:
        return assertNever(event);
    }
  },
};

function reject(orderId: string, reason: string, recorded: CreateOrderSagaEvent[]): Decision {
  return {
    events: [...recorded, { type: 'CreateOrderRejected', data: { orderId, reason } }],
    send: [{ type: 'RejectOrder', data: { orderId, reason } }],
    timer: { cancel: true },
  };
}

function termsIn(state: CreateOrderSagaState): OrderTerms | undefined {
  return state.status === 'NOT_STARTED' ? undefined : state.terms;
}

/** The state's `terms` field, left out when the saga has none (begun before they were recorded). */
function termsOf(terms: OrderTerms | undefined): { terms?: OrderTerms } {
  return terms ? { terms } : {};
}
