import { assertNever, Decider } from '@brigade/domain';
import { FulfilmentStep, OrderCommand } from './order.commands';
import { assertAnswerIsAbout, orderTermsOf } from './order-terms';
import {
  OrderAlreadyDecidedError,
  OrderAlreadyExistsError,
  OrderNotCancellableError,
  OrderNotFoundError,
  OrderNotInFulfilmentError,
  OrderNotRevisableError,
} from './order.errors';
import { OrderDetails, OrderEvent, OrderParties } from './order.events';
import { orderTotalCents, priceLines } from './order.pricing';
import { ExistingOrder, FULFILMENT, FulfilmentStatus, fulfilmentOf, OrderFacts, OrderState } from './order.state';

export type { OrderCommand } from './order.commands';
export type { OrderDetails, OrderEvent } from './order.events';
export type { OrderState } from './order.state';

/** The event each mirrored fulfilment step records, the status it leads to, and who reports it. */
const STEP: Record<
  FulfilmentStep,
  { event: 'OrderPreparationStarted' | 'OrderReadyForPickup' | 'OrderPickedUp' | 'OrderDelivered'; status: FulfilmentStatus; by: 'kitchen' | 'delivery' }
> = {
  StartPreparation: { event: 'OrderPreparationStarted', status: 'PREPARING', by: 'kitchen' },
  MarkReadyForPickup: { event: 'OrderReadyForPickup', status: 'READY_FOR_PICKUP', by: 'kitchen' },
  MarkPickedUp: { event: 'OrderPickedUp', status: 'PICKED_UP', by: 'delivery' },
  MarkDelivered: { event: 'OrderDelivered', status: 'DELIVERED', by: 'delivery' },
};
const STATUS_AFTER: Record<string, FulfilmentStatus> = Object.fromEntries(Object.values(STEP).map(({ event, status }) => [event, status]));

/**
 * The Order aggregate. Created APPROVAL_PENDING with its lines priced from the restaurant replica,
 * then APPROVED or REJECTED by the CreateOrder saga. An APPROVED order can be cancelled
 * (CANCEL_PENDING -> CANCELLED, or back) or revised (REVISION_PENDING -> APPROVED with the new lines,
 * or back), one change at a time, each decided by its saga. Fulfilment is mirrored from the kitchen
 * and delivery (PREPARING -> READY_FOR_PICKUP -> PICKED_UP -> DELIVERED): the steps arrive on
 * different streams, so a step behind the order's progress is no news and one ahead is taken.
 * Repeating a step already taken decides nothing (sagas re-run, neighbours redeliver).
 */
export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateOrder': {
        const { orderId, consumerId, restaurant, lineItems, deliveryAddress, deliveryTime } = command.data;
        if (state.status !== 'UNKNOWN') throw new OrderAlreadyExistsError(orderId);
        const priced = priceLines(restaurant, lineItems);
        const details: OrderDetails = {
          orderId,
          consumerId,
          restaurantId: restaurant.restaurantId,
          lineItems: priced,
          orderTotalCents: orderTotalCents(priced),
          deliveryAddress,
          ...(deliveryTime ? { deliveryTime } : {}),
        };
        return [{ type: 'OrderCreated', data: details }];
      }
      case 'ApproveOrder': {
        const order = existing(state, command.data.orderId);
        if (order.status === 'APPROVAL_PENDING') return [{ type: 'OrderApproved', data: { ...parties(order), orderTotalCents: order.orderTotalCents } }];
        if (order.status === 'REJECTED') throw new OrderAlreadyDecidedError(order.orderId, order.status);
        return [];
      }
      case 'RejectOrder': {
        const order = existing(state, command.data.orderId);
        if (order.status === 'APPROVAL_PENDING') return [{ type: 'OrderRejected', data: { ...parties(order), reason: command.data.reason } }];
        if (order.status === 'REJECTED') return [];
        throw new OrderAlreadyDecidedError(order.orderId, order.status);
      }
      case 'RequestCancel': {
        const order = existing(state, command.data.orderId);
        if (order.status !== 'APPROVED') throw new OrderNotCancellableError(order.orderId, order.status);
        return [{ type: 'OrderCancelRequested', data: parties(order) }];
      }
      case 'ConfirmCancel': {
        // The kitchen cancelled the ticket: that is final, even after the saga stopped waiting for it.
        const order = existing(state, command.data.orderId);
        if (order.status === 'CANCELLED') return [];
        if (fulfilmentOf(order) === null || atOrPast(order, 'PICKED_UP')) throw new OrderNotCancellableError(order.orderId, order.status);
        return [{ type: 'OrderCancelled', data: parties(order) }];
      }
      case 'RefuseCancel': {
        const order = existing(state, command.data.orderId);
        if (order.status !== 'CANCEL_PENDING') return [];
        return [{ type: 'OrderCancelRefused', data: { ...parties(order), reason: command.data.reason } }];
      }
      case 'ProposeRevision': {
        const order = existing(state, command.data.orderId);
        if (order.status !== 'APPROVED') throw new OrderNotRevisableError(order.orderId, order.status);
        const priced = priceLines(command.data.restaurant, command.data.lineItems);
        const revision = { revision: order.revisions + 1, lineItems: priced, orderTotalCents: orderTotalCents(priced) };
        return [{ type: 'OrderRevisionProposed', data: { ...parties(order), ...revision } }];
      }
      case 'ConfirmRevision': {
        const order = existing(state, command.data.orderId);
        if (order.status !== 'REVISION_PENDING' || order.proposal.revision !== command.data.revision) return [];
        return [{ type: 'OrderRevised', data: { ...parties(order), ...order.proposal } }];
      }
      case 'RejectRevision': {
        const order = existing(state, command.data.orderId);
        const { revision, reason } = command.data;
        if (order.status !== 'REVISION_PENDING' || order.proposal.revision !== revision) return [];
        return [{ type: 'OrderRevisionRejected', data: { ...parties(order), revision, reason } }];
      }
      case 'StartPreparation':
      case 'MarkReadyForPickup':
      case 'MarkPickedUp':
      case 'MarkDelivered': {
        const order = existing(state, command.data.orderId);
        const step = STEP[command.type];
        // A message naming another restaurant is forged or misrouted: refused (parked), whatever the order's state.
        assertAnswerIsAbout(orderTermsOf(order), { context: 'fulfilment', orderId: order.orderId, participant: step.by, about: command.data.about });
        if (fulfilmentOf(order) === null) {
          if (order.status === 'CANCELLED') return []; // the kitchen or courier moved on before hearing of it: nothing to mirror
          throw new OrderNotInFulfilmentError(order.orderId, order.status, step.status);
        }
        return atOrPast(order, step.status) ? [] : [{ type: step.event, data: parties(order) }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrderCreated':
        return { status: 'APPROVAL_PENDING', ...event.data, revisions: 0 };
      case 'OrderApproved':
        return { ...facts(state, event.type), status: 'APPROVED' };
      case 'OrderRejected':
        return { ...facts(state, event.type), status: 'REJECTED', rejectionReason: event.data.reason };
      case 'OrderCancelRequested':
        return { ...facts(state, event.type), status: 'CANCEL_PENDING', resume: resumeOf(state), lastChange: { type: 'CANCEL', outcome: 'PENDING' } };
      case 'OrderCancelled':
        return { ...facts(state, event.type), status: 'CANCELLED', lastChange: { type: 'CANCEL', outcome: 'DONE' } };
      case 'OrderCancelRefused':
        return { ...facts(state, event.type), status: resumeOf(state), lastChange: { type: 'CANCEL', outcome: 'REFUSED', reason: event.data.reason } };
      case 'OrderRevisionProposed': {
        const { revision, lineItems, orderTotalCents: total } = event.data;
        return {
          ...facts(state, event.type),
          status: 'REVISION_PENDING',
          resume: resumeOf(state),
          proposal: { revision, lineItems, orderTotalCents: total },
          revisions: revision,
          lastChange: { type: 'REVISE', outcome: 'PENDING' },
        };
      }
      case 'OrderRevised': {
        const { lineItems, orderTotalCents: total } = event.data;
        return { ...facts(state, event.type), status: resumeOf(state), lineItems, orderTotalCents: total, lastChange: { type: 'REVISE', outcome: 'DONE' } };
      }
      case 'OrderRevisionRejected':
        return { ...facts(state, event.type), status: resumeOf(state), lastChange: { type: 'REVISE', outcome: 'REFUSED', reason: event.data.reason } };
      case 'OrderPreparationStarted':
      case 'OrderReadyForPickup':
      case 'OrderPickedUp':
      case 'OrderDelivered': {
        const next = STATUS_AFTER[event.type];
        // A pending change keeps its status; the order returns to where fulfilment got when it ends.
        if (state.status === 'CANCEL_PENDING' || state.status === 'REVISION_PENDING') return { ...state, resume: next };
        return { ...facts(state, event.type), status: next };
      }
      default:
        return assertNever(event);
    }
  },
};

function existing(state: OrderState, orderId: string): ExistingOrder {
  if (state.status === 'UNKNOWN') throw new OrderNotFoundError(orderId);
  return state;
}

function parties({ orderId, consumerId, restaurantId }: OrderDetails): OrderParties {
  return { orderId, consumerId, restaurantId };
}

function atOrPast(order: ExistingOrder, status: FulfilmentStatus): boolean {
  const current = fulfilmentOf(order);
  return current !== null && FULFILMENT.indexOf(current) >= FULFILMENT.indexOf(status);
}

/** Where a change returns the order to: its fulfilment status (APPROVED for an order not yet in the kitchen's hands). */
function resumeOf(state: OrderState): FulfilmentStatus {
  return (state.status !== 'UNKNOWN' && fulfilmentOf(state)) || 'APPROVED';
}

/** A stream whose first event is not OrderCreated is corrupt: a bug to surface, not a business answer. */
function facts(state: OrderState, eventType: string): OrderFacts {
  if (state.status === 'UNKNOWN') throw new Error(`${eventType} in a stream without OrderCreated`);
  const { orderId, consumerId, restaurantId, lineItems, orderTotalCents: total, deliveryAddress, deliveryTime, revisions, lastChange } = state;
  return {
    orderId,
    consumerId,
    restaurantId,
    lineItems,
    orderTotalCents: total,
    deliveryAddress,
    ...(deliveryTime ? { deliveryTime } : {}),
    revisions,
    ...(lastChange ? { lastChange } : {}),
  };
}
