import { assertNever, DomainEvent, Saga, SagaDecision } from '@brigade/domain';
import type { OrderCommand } from '../../domain/order.commands';
import { AnswerAbout, assertAnswerIsAbout, OrderTerms } from '../../domain/order-terms';
import { UnknownSagaError } from '../../domain/order.errors';

/** `about`: what the kitchen's answer names about the order (its restaurant); it must match the order's terms. */
export type CancelOrderSagaInput =
  | { type: 'StartCancelOrderSaga'; data: { orderId: string; deadline: string; terms: OrderTerms } }
  | { type: 'RecordTicketCancelled'; data: { orderId: string; about: AnswerAbout } }
  | { type: 'RecordCancelRefused'; data: { orderId: string; reason: string; about: AnswerAbout } }
  | { type: 'PassDeadline'; data: { orderId: string; now: string } };

/** `terms` is absent from the start of a request made before sagas recorded them. */
export type CancelOrderSagaEvent =
  | DomainEvent<'CancelOrderSagaStarted', { orderId: string; deadline: string; terms?: OrderTerms }>
  | DomainEvent<'CancelOrderConfirmed', { orderId: string }>
  | DomainEvent<'CancelOrderRefused', { orderId: string; reason: string }>;

/** REFUSED may start again (a later cancel request of the same order); CANCELLED is the end. */
export type CancelOrderSagaState =
  | { status: 'NOT_STARTED' }
  | { status: 'AWAITING_KITCHEN'; orderId: string; deadline: string; terms?: OrderTerms }
  | { status: 'REFUSED'; orderId: string; terms?: OrderTerms }
  | { status: 'CANCELLED'; orderId: string; terms?: OrderTerms };

type Decision = SagaDecision<CancelOrderSagaEvent, OrderCommand>;
const NOTHING: Decision = { events: [], send: [] };

/**
 * The CancelOrder saga. Its pivot is the kitchen: once it cancels the ticket the order is
 * cancelled, and accounting (void) and delivery (free the courier) follow orders.order.cancelled.v1
 * on their own; if it refuses (cooking started), the order goes back to where it was. The deadline
 * gives up waiting (the order is back, the refusal says why); a cancellation the kitchen makes
 * after that is still final, so the saga then cancels the order late rather than leave a cancelled
 * ticket under a live order. One saga per order (stream), started again by each new request.
 * An answer naming another restaurant than the order's is refused (forged or misrouted: the
 * consumer parks it), so a forged cancellation can neither cancel the order nor void its payment.
 */
export const cancelOrderSaga: Saga<CancelOrderSagaInput, CancelOrderSagaEvent, CancelOrderSagaState, OrderCommand> = {
  initialState: () => ({ status: 'NOT_STARTED' }),

  decide(input, state): Decision {
    const { orderId } = input.data;
    switch (input.type) {
      case 'StartCancelOrderSaga':
        if (state.status === 'AWAITING_KITCHEN' || state.status === 'CANCELLED') return NOTHING;
        return { events: [{ type: 'CancelOrderSagaStarted', data: input.data }], send: [], timer: { schedule: input.data.deadline } };
      case 'RecordTicketCancelled':
        // NOT_STARTED: the kitchen cancelled the ticket of a rejected order, nothing of this saga's.
        if (state.status === 'NOT_STARTED') return NOTHING;
        assertAnswerIsAbout(state.terms, { context: 'the CancelOrder saga', orderId, participant: 'kitchen', about: input.data.about });
        if (state.status !== 'AWAITING_KITCHEN' && state.status !== 'REFUSED') return NOTHING;
        return {
          events: [{ type: 'CancelOrderConfirmed', data: { orderId } }],
          send: [{ type: 'ConfirmCancel', data: { orderId } }],
          ...(state.status === 'AWAITING_KITCHEN' ? { timer: { cancel: true } } : {}),
        };
      case 'RecordCancelRefused':
        // Only a request the saga made is refused: a refusal nobody asked for is a bug or a forgery.
        if (state.status === 'NOT_STARTED') throw new UnknownSagaError('CancelOrder', orderId);
        assertAnswerIsAbout(state.terms, { context: 'the CancelOrder saga', orderId, participant: 'kitchen', about: input.data.about });
        if (state.status !== 'AWAITING_KITCHEN') return NOTHING;
        return refuse(orderId, `kitchen: ${input.data.reason}`);
      case 'PassDeadline':
        if (state.status !== 'AWAITING_KITCHEN' || Date.parse(input.data.now) < Date.parse(state.deadline)) return NOTHING;
        return refuse(orderId, 'no answer from kitchen before the deadline');
      default:
        return assertNever(input);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CancelOrderSagaStarted': {
        const { orderId, deadline, terms } = event.data;
        return { status: 'AWAITING_KITCHEN', orderId, deadline, ...termsOf(terms) };
      }
      case 'CancelOrderConfirmed':
        return { status: 'CANCELLED', orderId: event.data.orderId, ...termsOf(termsIn(state)) };
      case 'CancelOrderRefused':
        return { status: 'REFUSED', orderId: event.data.orderId, ...termsOf(termsIn(state)) };
      default:
        return assertNever(event);
    }
  },
};

function refuse(orderId: string, reason: string): Decision {
  return {
    events: [{ type: 'CancelOrderRefused', data: { orderId, reason } }],
    send: [{ type: 'RefuseCancel', data: { orderId, reason } }],
    timer: { cancel: true },
  };
}

function termsIn(state: CancelOrderSagaState): OrderTerms | undefined {
  return state.status === 'NOT_STARTED' ? undefined : state.terms;
}

/** The state's `terms` field, left out when the saga has none (started before they were recorded). */
function termsOf(terms: OrderTerms | undefined): { terms?: OrderTerms } {
  return terms ? { terms } : {};
}
