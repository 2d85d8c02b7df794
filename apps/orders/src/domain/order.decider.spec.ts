import { given } from '@brigade/testing';
import { orderDecider } from './order.decider';
import { OrderErrorCodes } from './order.errors';
import {
  NAAN,
  ORDER_ID,
  aCreateOrder,
  anOpenRestaurant,
  orderApproved,
  orderCreated,
  orderDetails,
  orderPreparationStarted,
  orderReadyForPickup,
  orderRejected,
} from './order.mothers';

const approve = { type: 'ApproveOrder', data: { orderId: ORDER_ID } } as const;
const reject = (reason: string) => ({ type: 'RejectOrder', data: { orderId: ORDER_ID, reason } }) as const;
const startPreparation = { type: 'StartPreparation', data: { orderId: ORDER_ID } } as const;
const markReady = { type: 'MarkReadyForPickup', data: { orderId: ORDER_ID } } as const;

describe('Order', () => {
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

  describe('the saga’s decision', () => {
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

  describe('the kitchen’s progress', () => {
    const approvedOrder = [orderCreated, orderApproved];

    it('starts preparing an approved order', () => {
      given(orderDecider, approvedOrder).when(startPreparation).then([orderPreparationStarted]);
    });

    it('makes a preparing order ready for pickup', () => {
      given(orderDecider, [...approvedOrder, orderPreparationStarted]).when(markReady).then([orderReadyForPickup]);
    });

    it('decides nothing when a step already taken comes again', () => {
      given(orderDecider, [...approvedOrder, orderPreparationStarted]).when(startPreparation).then([]);
      given(orderDecider, [...approvedOrder, orderPreparationStarted, orderReadyForPickup]).when(startPreparation).then([]);
      given(orderDecider, [...approvedOrder, orderPreparationStarted, orderReadyForPickup]).when(markReady).then([]);
    });

    it('refuses to prepare an order that is not approved', () => {
      given(orderDecider, [orderCreated]).when(startPreparation).thenThrows(OrderErrorCodes.NotPreparable);
      given(orderDecider, [orderCreated, orderRejected()]).when(startPreparation).thenThrows(OrderErrorCodes.NotPreparable);
    });

    it('refuses ready for pickup before preparation started', () => {
      given(orderDecider, approvedOrder).when(markReady).thenThrows(OrderErrorCodes.NotPreparing);
      given(orderDecider, [orderCreated]).when(markReady).thenThrows(OrderErrorCodes.NotPreparing);
      given(orderDecider, [orderCreated, orderRejected()]).when(markReady).thenThrows(OrderErrorCodes.NotPreparing);
    });

    it('refuses progress on an unknown order', () => {
      given(orderDecider).when(startPreparation).thenThrows(OrderErrorCodes.NotFound);
      given(orderDecider).when(markReady).thenThrows(OrderErrorCodes.NotFound);
    });

    it('keeps the order details while the kitchen works on it', () => {
      const state = [...approvedOrder, orderPreparationStarted, orderReadyForPickup].reduce(orderDecider.evolve, orderDecider.initialState());
      expect(state).toEqual({ status: 'READY_FOR_PICKUP', ...orderDetails });
    });
  });

  it('remembers the rejection reason in its state', () => {
    const state = [orderCreated, orderRejected('kitchen: restaurant closed')].reduce(orderDecider.evolve, orderDecider.initialState());
    expect(state).toMatchObject({ status: 'REJECTED', rejectionReason: 'kitchen: restaurant closed', orderTotalCents: 2997 });
  });
});
