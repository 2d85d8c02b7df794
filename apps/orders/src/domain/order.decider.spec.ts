import { given } from '@brigade/testing';
import { FulfilmentStep } from './order.commands';
import { orderDecider, OrderEvent } from './order.decider';
import { OrderErrorCodes } from './order.errors';
import {
  aCreateOrder,
  anOpenRestaurant,
  aProposeRevision,
  aRevision,
  NAAN,
  ORDER_ID,
  orderApproved,
  orderCancelled,
  orderCancelRefused,
  orderCancelRequested,
  orderCreated,
  orderDelivered,
  orderDetails,
  orderParties,
  orderPickedUp,
  orderPreparationStarted,
  orderReadyForPickup,
  orderRejected,
  orderRevised,
  orderRevisionProposed,
  orderRevisionRejected,
  RESTAURANT_ID,
  revisedLines,
  VINDALOO,
} from './order.mothers';
import { ORDER_STATES, OrderStatus } from './order.state';

const approve = { type: 'ApproveOrder', data: { orderId: ORDER_ID } } as const;
const reject = (reason: string) => ({ type: 'RejectOrder', data: { orderId: ORDER_ID, reason } }) as const;
const requestCancel = { type: 'RequestCancel', data: { orderId: ORDER_ID } } as const;
const confirmCancel = { type: 'ConfirmCancel', data: { orderId: ORDER_ID } } as const;
const refuseCancel = (reason: string) => ({ type: 'RefuseCancel', data: { orderId: ORDER_ID, reason } }) as const;
const confirmRevision = (revision: number) => ({ type: 'ConfirmRevision', data: { orderId: ORDER_ID, revision } }) as const;
const rejectRevision = (revision: number, reason: string) => ({ type: 'RejectRevision', data: { orderId: ORDER_ID, revision, reason } }) as const;
const step = (type: FulfilmentStep, restaurantId = RESTAURANT_ID) => ({ type, data: { orderId: ORDER_ID, about: { restaurantId } } });
const startPreparation = step('StartPreparation');
const markReady = step('MarkReadyForPickup');
const markPickedUp = step('MarkPickedUp');
const markDelivered = step('MarkDelivered');
const STEP_EVENT: Record<FulfilmentStep, OrderEvent> = {
  StartPreparation: orderPreparationStarted,
  MarkReadyForPickup: orderReadyForPickup,
  MarkPickedUp: orderPickedUp,
  MarkDelivered: orderDelivered,
};
const ALL_STEPS: FulfilmentStep[] = ['StartPreparation', 'MarkReadyForPickup', 'MarkPickedUp', 'MarkDelivered'];

const stateAfter = (...events: OrderEvent[]) => events.reduce(orderDecider.evolve, orderDecider.initialState());

const approvedOrder = [orderCreated, orderApproved];

/** A history leading to each status (checked below, so the table cannot lie). */
const HISTORY: Record<OrderStatus, OrderEvent[]> = {
  APPROVAL_PENDING: [orderCreated],
  APPROVED: approvedOrder,
  REJECTED: [orderCreated, orderRejected()],
  CANCEL_PENDING: [...approvedOrder, orderCancelRequested],
  CANCELLED: [...approvedOrder, orderCancelRequested, orderCancelled],
  REVISION_PENDING: [...approvedOrder, orderRevisionProposed()],
  PREPARING: [...approvedOrder, orderPreparationStarted],
  READY_FOR_PICKUP: [...approvedOrder, orderPreparationStarted, orderReadyForPickup],
  PICKED_UP: [...approvedOrder, orderPreparationStarted, orderReadyForPickup, orderPickedUp],
  DELIVERED: [...approvedOrder, orderPreparationStarted, orderReadyForPickup, orderPickedUp, orderDelivered],
};
const statesOtherThan = (...excluded: OrderStatus[]) => ORDER_STATES.filter((s) => !excluded.includes(s));

describe('Order', () => {
  it.each(ORDER_STATES)('reaches %s through the history the specs use for it', (status) => {
    expect(stateAfter(...HISTORY[status]).status).toBe(status);
  });

  describe('CreateOrder', () => {
    it('prices the lines from the restaurant menu and totals them, awaiting approval', () => {
      given(orderDecider).when(aCreateOrder()).then([orderCreated]);
    });

    it('keeps the requested delivery time', () => {
      given(orderDecider)
        .when(aCreateOrder({ deliveryTime: '2026-11-27T19:00:00.000Z' }))
        .then([{ type: 'OrderCreated', data: { ...orderDetails, deliveryTime: '2026-11-27T19:00:00.000Z' } }]);
    });

    it('refuses a closed restaurant', () => {
      given(orderDecider).when(aCreateOrder({ restaurant: anOpenRestaurant({ open: false }) })).thenThrows(OrderErrorCodes.RestaurantClosed);
    });

    it('refuses an item the menu does not have', () => {
      given(orderDecider)
        .when(aCreateOrder({ lineItems: [{ menuItemId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] }))
        .thenThrows(OrderErrorCodes.UnknownMenuItem);
    });

    it.each([0, 101, 1.5, -1])('refuses a quantity of %p', (quantity) => {
      given(orderDecider).when(aCreateOrder({ lineItems: [{ menuItemId: NAAN, quantity }] })).thenThrows(OrderErrorCodes.InvalidQuantity);
    });

    it('refuses an order without lines', () => {
      given(orderDecider).when(aCreateOrder({ lineItems: [] })).thenThrows(OrderErrorCodes.NoLines);
    });

    it('refuses to create the same order twice', () => {
      given(orderDecider, [orderCreated]).when(aCreateOrder()).thenThrows(OrderErrorCodes.AlreadyExists);
    });
  });

  describe('the CreateOrder saga’s decision', () => {
    it('approves a pending order', () => {
      given(orderDecider, [orderCreated]).when(approve).then([orderApproved]);
    });

    it('rejects a pending order with the reason', () => {
      given(orderDecider, [orderCreated]).when(reject('accounting: declined')).then([orderRejected('accounting: declined')]);
    });

    it('decides nothing when the same decision comes again', () => {
      given(orderDecider, [orderCreated, orderApproved]).when(approve).then([]);
      given(orderDecider, [orderCreated, orderRejected()]).when(reject('again')).then([]);
    });

    it('refuses the opposite decision once decided', () => {
      given(orderDecider, [orderCreated, orderApproved]).when(reject('late')).thenThrows(OrderErrorCodes.AlreadyDecided);
      given(orderDecider, [orderCreated, orderRejected()]).when(approve).thenThrows(OrderErrorCodes.AlreadyDecided);
    });

    it('refuses a decision about an unknown order', () => {
      given(orderDecider).when(approve).thenThrows(OrderErrorCodes.NotFound);
    });

    it('decides nothing when approval comes again after the kitchen started', () => {
      given(orderDecider, [orderCreated, orderApproved, orderPreparationStarted]).when(approve).then([]);
      given(orderDecider, [orderCreated, orderApproved, orderPreparationStarted, orderReadyForPickup]).when(approve).then([]);
    });

    it('refuses a rejection once the kitchen started', () => {
      given(orderDecider, [orderCreated, orderApproved, orderPreparationStarted]).when(reject('late')).thenThrows(OrderErrorCodes.AlreadyDecided);
    });
  });

  describe('RequestCancel', () => {
    it('asks to cancel an approved order: CANCEL_PENDING', () => {
      given(orderDecider, approvedOrder).when(requestCancel).then([orderCancelRequested]);
      expect(stateAfter(...approvedOrder, orderCancelRequested)).toMatchObject({ status: 'CANCEL_PENDING', resume: 'APPROVED' });
    });

    it('asks again once an earlier request was refused (the order is APPROVED again)', () => {
      given(orderDecider, [...approvedOrder, orderCancelRequested, orderCancelRefused('no answer from kitchen before the deadline')])
        .when(requestCancel)
        .then([orderCancelRequested]);
    });

    // CANCEL_PENDING: a second request while one is pending; REVISION_PENDING: one change at a time.
    it.each(statesOtherThan('APPROVED'))('refuses to cancel an order that is %s', (status) => {
      given(orderDecider, HISTORY[status]).when(requestCancel).thenThrows(OrderErrorCodes.NotCancellable);
    });

    it('refuses to cancel an unknown order', () => {
      given(orderDecider).when(requestCancel).thenThrows(OrderErrorCodes.NotFound);
    });
  });

  describe('ConfirmCancel (the kitchen cancelled the ticket)', () => {
    it('cancels an order whose cancel is pending', () => {
      given(orderDecider, HISTORY.CANCEL_PENDING).when(confirmCancel).then([orderCancelled]);
    });

    it('decides nothing when the confirmation comes again', () => {
      given(orderDecider, HISTORY.CANCELLED).when(confirmCancel).then([]);
    });

    it('still cancels when the kitchen’s cancellation arrives after the saga refused on its deadline (the ticket is gone)', () => {
      given(orderDecider, [...HISTORY.CANCEL_PENDING, orderCancelRefused('no answer from kitchen before the deadline')])
        .when(confirmCancel)
        .then([orderCancelled]);
    });

    it.each<OrderStatus>(['APPROVAL_PENDING', 'REJECTED', 'PICKED_UP', 'DELIVERED'])('refuses to cancel an order that is %s', (status) => {
      given(orderDecider, HISTORY[status]).when(confirmCancel).thenThrows(OrderErrorCodes.NotCancellable);
    });

    it('refuses to cancel an unknown order', () => {
      given(orderDecider).when(confirmCancel).thenThrows(OrderErrorCodes.NotFound);
    });
  });

  describe('RefuseCancel (the kitchen refused, or the saga’s deadline passed)', () => {
    it('refuses a pending cancel with the reason: the order is APPROVED again', () => {
      given(orderDecider, HISTORY.CANCEL_PENDING).when(refuseCancel('kitchen: ticket is ACCEPTED')).then([orderCancelRefused('kitchen: ticket is ACCEPTED')]);
      expect(stateAfter(...HISTORY.CANCEL_PENDING, orderCancelRefused()).status).toBe('APPROVED');
    });

    it('returns the order to PREPARING when the kitchen started preparing while the cancel was pending (cancel racing the kitchen’s preparing)', () => {
      const racing = [...HISTORY.CANCEL_PENDING, orderPreparationStarted];
      expect(stateAfter(...racing)).toMatchObject({ status: 'CANCEL_PENDING', resume: 'PREPARING' });
      given(orderDecider, racing).when(refuseCancel('kitchen: ticket is PREPARING')).then([orderCancelRefused('kitchen: ticket is PREPARING')]);
      expect(stateAfter(...racing, orderCancelRefused()).status).toBe('PREPARING');
    });

    it.each(statesOtherThan('CANCEL_PENDING'))('decides nothing when no cancel is pending (%s)', (status) => {
      given(orderDecider, HISTORY[status]).when(refuseCancel('late')).then([]);
    });

    it('decides nothing when the refusal comes again', () => {
      given(orderDecider, [...HISTORY.CANCEL_PENDING, orderCancelRefused()]).when(refuseCancel('again')).then([]);
    });

    it('refuses a refusal about an unknown order', () => {
      given(orderDecider).when(refuseCancel('kitchen: no ticket')).thenThrows(OrderErrorCodes.NotFound);
    });
  });

  describe('ProposeRevision', () => {
    it('prices the new lines from the menu and proposes them as revision 1: REVISION_PENDING', () => {
      given(orderDecider, approvedOrder).when(aProposeRevision()).then([orderRevisionProposed(aRevision({ revision: 1 }))]);
      expect(stateAfter(...approvedOrder, orderRevisionProposed())).toMatchObject({ status: 'REVISION_PENDING', resume: 'APPROVED', proposal: aRevision() });
    });

    it('counts the order’s revisions, whether the earlier ones were made or rejected', () => {
      const second = aRevision({ revision: 2, lineItems: [{ menuItemId: NAAN, name: 'Garlic Naan', priceCents: 399, quantity: 2 }], orderTotalCents: 798 });
      given(orderDecider, [...approvedOrder, orderRevisionProposed(), orderRevised()])
        .when(aProposeRevision({ lineItems: [{ menuItemId: NAAN, quantity: 2 }] }))
        .then([orderRevisionProposed(second)]);
      given(orderDecider, [...approvedOrder, orderRevisionProposed(), orderRevisionRejected(1)])
        .when(aProposeRevision({ lineItems: [{ menuItemId: NAAN, quantity: 2 }] }))
        .then([orderRevisionProposed(second)]);
      const third = aRevision({ revision: 3 });
      given(orderDecider, [...approvedOrder, orderRevisionProposed(), orderRevisionRejected(1), orderRevisionProposed(aRevision({ revision: 2 })), orderRevised(aRevision({ revision: 2 }))])
        .when(aProposeRevision())
        .then([orderRevisionProposed(third)]);
    });

    it('refuses a closed restaurant', () => {
      given(orderDecider, approvedOrder).when(aProposeRevision({ restaurant: anOpenRestaurant({ open: false }) })).thenThrows(OrderErrorCodes.RestaurantClosed);
    });

    it('refuses an item the menu does not have', () => {
      given(orderDecider, approvedOrder)
        .when(aProposeRevision({ lineItems: [{ menuItemId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] }))
        .thenThrows(OrderErrorCodes.UnknownMenuItem);
    });

    it.each([0, 101, 1.5])('refuses a quantity of %p', (quantity) => {
      given(orderDecider, approvedOrder).when(aProposeRevision({ lineItems: [{ menuItemId: VINDALOO, quantity }] })).thenThrows(OrderErrorCodes.InvalidQuantity);
    });

    it('refuses a revision without lines', () => {
      given(orderDecider, approvedOrder).when(aProposeRevision({ lineItems: [] })).thenThrows(OrderErrorCodes.NoLines);
    });

    // CANCEL_PENDING: revise racing cancel; REVISION_PENDING: one revision at a time.
    it.each(statesOtherThan('APPROVED'))('refuses to revise an order that is %s', (status) => {
      given(orderDecider, HISTORY[status]).when(aProposeRevision()).thenThrows(OrderErrorCodes.NotRevisable);
    });

    it('refuses to revise an unknown order', () => {
      given(orderDecider).when(aProposeRevision()).thenThrows(OrderErrorCodes.NotFound);
    });
  });

  describe('ConfirmRevision (kitchen and accounting said yes)', () => {
    it('revises the order with the proposed lines and total: APPROVED again', () => {
      given(orderDecider, HISTORY.REVISION_PENDING).when(confirmRevision(1)).then([orderRevised(aRevision())]);
      expect(stateAfter(...HISTORY.REVISION_PENDING, orderRevised())).toMatchObject({ status: 'APPROVED', lineItems: revisedLines, orderTotalCents: 3897 });
    });

    it('decides nothing for another revision than the pending one', () => {
      given(orderDecider, HISTORY.REVISION_PENDING).when(confirmRevision(2)).then([]);
      given(orderDecider, HISTORY.REVISION_PENDING).when(confirmRevision(0)).then([]);
    });

    it('decides nothing when the confirmation comes again, or after the revision was rejected', () => {
      given(orderDecider, [...HISTORY.REVISION_PENDING, orderRevised()]).when(confirmRevision(1)).then([]);
      given(orderDecider, [...HISTORY.REVISION_PENDING, orderRevisionRejected(1)]).when(confirmRevision(1)).then([]);
    });

    it.each(statesOtherThan('REVISION_PENDING'))('decides nothing when no revision is pending (%s)', (status) => {
      given(orderDecider, HISTORY[status]).when(confirmRevision(1)).then([]);
    });

    it('refuses a confirmation about an unknown order', () => {
      given(orderDecider).when(confirmRevision(1)).thenThrows(OrderErrorCodes.NotFound);
    });
  });

  describe('RejectRevision (a participant said no, or the saga’s deadline passed)', () => {
    it('rejects the pending revision with the reason: APPROVED again with its lines and total unchanged', () => {
      given(orderDecider, HISTORY.REVISION_PENDING).when(rejectRevision(1, 'kitchen: ticket is PREPARING')).then([orderRevisionRejected(1, 'kitchen: ticket is PREPARING')]);
      expect(stateAfter(...HISTORY.REVISION_PENDING, orderRevisionRejected(1))).toMatchObject({
        status: 'APPROVED',
        lineItems: orderDetails.lineItems,
        orderTotalCents: 2997,
      });
    });

    it('decides nothing for another revision than the pending one', () => {
      given(orderDecider, HISTORY.REVISION_PENDING).when(rejectRevision(2, 'late')).then([]);
    });

    it('decides nothing when the rejection comes again, or after the revision was made', () => {
      given(orderDecider, [...HISTORY.REVISION_PENDING, orderRevisionRejected(1)]).when(rejectRevision(1, 'again')).then([]);
      given(orderDecider, [...HISTORY.REVISION_PENDING, orderRevised()]).when(rejectRevision(1, 'late')).then([]);
    });

    it.each(statesOtherThan('REVISION_PENDING'))('decides nothing when no revision is pending (%s)', (status) => {
      given(orderDecider, HISTORY[status]).when(rejectRevision(1, 'late')).then([]);
    });

    it('refuses a rejection about an unknown order', () => {
      given(orderDecider).when(rejectRevision(1, 'late')).thenThrows(OrderErrorCodes.NotFound);
    });
  });

  describe('the kitchen’s and delivery’s progress, mirrored', () => {
    it('starts preparing an approved order', () => {
      given(orderDecider, approvedOrder).when(startPreparation).then([orderPreparationStarted]);
    });

    it('makes a preparing order ready for pickup', () => {
      given(orderDecider, [...approvedOrder, orderPreparationStarted]).when(markReady).then([orderReadyForPickup]);
    });

    it('picks up a ready order, and delivers a picked-up one', () => {
      given(orderDecider, HISTORY.READY_FOR_PICKUP).when(markPickedUp).then([orderPickedUp]);
      given(orderDecider, HISTORY.PICKED_UP).when(markDelivered).then([orderDelivered]);
    });

    it('decides nothing when a step already taken comes again', () => {
      given(orderDecider, [...approvedOrder, orderPreparationStarted]).when(startPreparation).then([]);
      given(orderDecider, [...approvedOrder, orderPreparationStarted, orderReadyForPickup]).when(startPreparation).then([]);
      given(orderDecider, [...approvedOrder, orderPreparationStarted, orderReadyForPickup]).when(markReady).then([]);
      given(orderDecider, HISTORY.PICKED_UP).when(markPickedUp).then([]);
      given(orderDecider, HISTORY.DELIVERED).when(markDelivered).then([]);
    });

    // Each step from each fulfilment status: a step behind the order's progress (or the same) decides
    // nothing, a step ahead is taken. The kitchen's events and delivery's arrive on different
    // durables, so delivery's picked-up can come before the kitchen's preparing or ready.
    it.each<[OrderStatus, FulfilmentStep, 'taken' | 'nothing']>([
      ['APPROVED', 'StartPreparation', 'taken'],
      ['APPROVED', 'MarkReadyForPickup', 'taken'],
      ['APPROVED', 'MarkPickedUp', 'taken'],
      ['APPROVED', 'MarkDelivered', 'taken'],
      ['PREPARING', 'StartPreparation', 'nothing'],
      ['PREPARING', 'MarkReadyForPickup', 'taken'],
      ['PREPARING', 'MarkPickedUp', 'taken'],
      ['PREPARING', 'MarkDelivered', 'taken'],
      ['READY_FOR_PICKUP', 'StartPreparation', 'nothing'],
      ['READY_FOR_PICKUP', 'MarkReadyForPickup', 'nothing'],
      ['READY_FOR_PICKUP', 'MarkPickedUp', 'taken'],
      ['READY_FOR_PICKUP', 'MarkDelivered', 'taken'],
      ['PICKED_UP', 'StartPreparation', 'nothing'],
      ['PICKED_UP', 'MarkReadyForPickup', 'nothing'],
      ['PICKED_UP', 'MarkPickedUp', 'nothing'],
      ['PICKED_UP', 'MarkDelivered', 'taken'],
      ['DELIVERED', 'StartPreparation', 'nothing'],
      ['DELIVERED', 'MarkReadyForPickup', 'nothing'],
      ['DELIVERED', 'MarkPickedUp', 'nothing'],
      ['DELIVERED', 'MarkDelivered', 'nothing'],
    ])('from %s, %s is %s', (status, type, outcome) => {
      given(orderDecider, HISTORY[status])
        .when(step(type))
        .then(outcome === 'taken' ? [STEP_EVENT[type]] : []);
    });

    it.each<[FulfilmentStep, 'kitchen' | 'delivery']>([
      ['StartPreparation', 'kitchen'],
      ['MarkReadyForPickup', 'kitchen'],
      ['MarkPickedUp', 'delivery'],
      ['MarkDelivered', 'delivery'],
    ])('refuses %s from a message naming another restaurant (forged or misrouted: parked), whatever the order’s state', (type, by) => {
      for (const status of ['APPROVED', 'PREPARING', 'DELIVERED', 'CANCELLED'] as const) {
        let refusal: unknown = null;
        try {
          orderDecider.decide(step(type, '00000000-0000-4000-8000-0000000000e2'), stateAfter(...HISTORY[status]));
        } catch (error) {
          refusal = error;
        }
        expect(refusal).toMatchObject({ code: OrderErrorCodes.MismatchedMessage, retryable: false, participant: by, orderId: ORDER_ID });
      }
    });

    it('takes delivery’s pickup ahead of the kitchen’s news, then ignores the kitchen’s late steps', () => {
      const pickedUpFirst = [...approvedOrder, orderPickedUp];
      expect(stateAfter(...pickedUpFirst).status).toBe('PICKED_UP');
      given(orderDecider, pickedUpFirst).when(startPreparation).then([]);
      given(orderDecider, pickedUpFirst).when(markReady).then([]);
    });

    it.each<OrderStatus>(['APPROVAL_PENDING', 'REJECTED'])('refuses to prepare an order that is %s', (status) => {
      given(orderDecider, HISTORY[status]).when(startPreparation).thenThrows(OrderErrorCodes.NotInFulfilment);
    });

    // Was "refuses ready for pickup before preparation started" (ORDERS.ORDER.NOT_PREPARING). Mirroring
    // is now monotonic, one rule for every step: the order shows the furthest step it has heard of, so
    // ready-for-pickup on an APPROVED order is a step ahead and taken (refusing a neighbour's fact would
    // only park a message about something that did happen). Only an order not in fulfilment refuses it.
    it('takes ready for pickup before preparation started (a step ahead), and refuses it on an order not in fulfilment', () => {
      given(orderDecider, approvedOrder).when(markReady).then([orderReadyForPickup]);
      given(orderDecider, [orderCreated]).when(markReady).thenThrows(OrderErrorCodes.NotInFulfilment);
      given(orderDecider, [orderCreated, orderRejected()]).when(markReady).thenThrows(OrderErrorCodes.NotInFulfilment);
    });

    it.each<[OrderStatus, FulfilmentStep]>([
      ['APPROVAL_PENDING', 'MarkPickedUp'],
      ['APPROVAL_PENDING', 'MarkDelivered'],
      ['REJECTED', 'MarkPickedUp'],
      ['REJECTED', 'MarkDelivered'],
    ])('refuses, on an order that is %s, %s', (status, type) => {
      given(orderDecider, HISTORY[status]).when(step(type)).thenThrows(OrderErrorCodes.NotInFulfilment);
    });

    it.each(ALL_STEPS)('decides nothing about a cancelled order on %s (the kitchen or courier moved on before hearing of it)', (type) => {
      given(orderDecider, HISTORY.CANCELLED).when(step(type)).then([]);
    });

    it('follows the kitchen while a cancel or a revision is pending, keeping the pending change', () => {
      given(orderDecider, HISTORY.CANCEL_PENDING).when(startPreparation).then([orderPreparationStarted]);
      given(orderDecider, [...HISTORY.CANCEL_PENDING, orderPreparationStarted]).when(startPreparation).then([]);
      given(orderDecider, HISTORY.REVISION_PENDING).when(startPreparation).then([orderPreparationStarted]);
      expect(stateAfter(...HISTORY.REVISION_PENDING, orderPreparationStarted)).toMatchObject({ status: 'REVISION_PENDING', resume: 'PREPARING', proposal: aRevision() });
    });

    it('returns a revised or unrevised order to where fulfilment got while the revision was pending', () => {
      const preparingMeanwhile = [...HISTORY.REVISION_PENDING, orderPreparationStarted];
      expect(stateAfter(...preparingMeanwhile, orderRevised())).toMatchObject({ status: 'PREPARING', lineItems: revisedLines, orderTotalCents: 3897 });
      expect(stateAfter(...preparingMeanwhile, orderRevisionRejected(1))).toMatchObject({ status: 'PREPARING', lineItems: orderDetails.lineItems, orderTotalCents: 2997 });
    });

    it.each(ALL_STEPS)('refuses %s on an unknown order', (type) => {
      given(orderDecider).when(step(type)).thenThrows(OrderErrorCodes.NotFound);
    });
  });

  describe('its last change, in its state', () => {
    it('has none before a cancel or a revision was asked', () => {
      expect(stateAfter(...HISTORY.DELIVERED)).not.toHaveProperty('lastChange');
    });

    it.each<[string, OrderEvent[], object]>([
      ['cancel requested', [orderCancelRequested], { type: 'CANCEL', outcome: 'PENDING' }],
      ['cancelled', [orderCancelRequested, orderCancelled], { type: 'CANCEL', outcome: 'DONE' }],
      ['cancel refused', [orderCancelRequested, orderCancelRefused('kitchen: ticket is PREPARING')], { type: 'CANCEL', outcome: 'REFUSED', reason: 'kitchen: ticket is PREPARING' }],
      ['revision proposed', [orderRevisionProposed()], { type: 'REVISE', outcome: 'PENDING' }],
      ['revised', [orderRevisionProposed(), orderRevised()], { type: 'REVISE', outcome: 'DONE' }],
      ['revision rejected', [orderRevisionProposed(), orderRevisionRejected(1, 'accounting: no credit')], { type: 'REVISE', outcome: 'REFUSED', reason: 'accounting: no credit' }],
    ])('after %s', (_, events, lastChange) => {
      expect(stateAfter(...approvedOrder, ...events)).toHaveProperty('lastChange', lastChange);
    });

    it('keeps it while fulfilment goes on', () => {
      const state = stateAfter(...approvedOrder, orderCancelRequested, orderPreparationStarted, orderCancelRefused('kitchen: ticket is PREPARING'), orderReadyForPickup, orderPickedUp);
      expect(state).toMatchObject({ status: 'PICKED_UP', lastChange: { type: 'CANCEL', outcome: 'REFUSED', reason: 'kitchen: ticket is PREPARING' } });
    });

    it('is replaced by the next change, reason and all', () => {
      const state = stateAfter(...approvedOrder, orderCancelRequested, orderCancelRefused(), orderRevisionProposed());
      expect(state).toHaveProperty('lastChange', { type: 'REVISE', outcome: 'PENDING' });
    });
  });

  describe('its details, through every change', () => {
    it('keeps the order details while the kitchen works on it', () => {
      const state = stateAfter(...approvedOrder, orderPreparationStarted, orderReadyForPickup);
      expect(state).toEqual({ status: 'READY_FOR_PICKUP', ...orderDetails, revisions: 0 });
    });

    it('keeps the address and delivery time through a refused cancel, a revision and fulfilment, with the revised lines', () => {
      const details = { ...orderDetails, deliveryAddress: { ...orderDetails.deliveryAddress, street2: 'Apt 4' }, deliveryTime: '2026-11-27T19:00:00.000Z' };
      const state = stateAfter(
        { type: 'OrderCreated', data: details },
        orderApproved,
        orderCancelRequested,
        orderCancelRefused(),
        orderRevisionProposed(),
        orderRevised(),
        orderPreparationStarted,
        orderReadyForPickup,
        orderPickedUp,
        orderDelivered,
      );
      expect(state).toEqual({ status: 'DELIVERED', ...details, lineItems: revisedLines, orderTotalCents: 3897, revisions: 1, lastChange: { type: 'REVISE', outcome: 'DONE' } });
    });

    it('shows the lines it has, not the proposal, while a revision is pending', () => {
      expect(stateAfter(...HISTORY.REVISION_PENDING)).toEqual({
        status: 'REVISION_PENDING',
        ...orderDetails,
        resume: 'APPROVED',
        proposal: aRevision(),
        revisions: 1,
        lastChange: { type: 'REVISE', outcome: 'PENDING' },
      });
    });

    it('keeps its details once cancelled, without the pending change', () => {
      expect(stateAfter(...HISTORY.CANCELLED)).toEqual({ status: 'CANCELLED', ...orderDetails, revisions: 0, lastChange: { type: 'CANCEL', outcome: 'DONE' } });
    });

    it('remembers the rejection reason in its state', () => {
      const state = stateAfter(orderCreated, orderRejected('kitchen: restaurant closed'));
      expect(state).toMatchObject({ status: 'REJECTED', rejectionReason: 'kitchen: restaurant closed', orderTotalCents: 2997 });
    });

    it('refuses to fold a stream that does not start with OrderCreated (a corrupt stream is a bug)', () => {
      expect(() => stateAfter(orderApproved)).toThrow(/OrderApproved in a stream without OrderCreated/);
      expect(() => stateAfter({ type: 'OrderCancelled', data: orderParties })).toThrow(/without OrderCreated/);
    });
  });
});
