import { orderDecider } from '../../domain/order.decider';
import { OrderErrorCodes } from '../../domain/order.errors';
import {
  ORDER_ID,
  orderApproved,
  orderCreated,
  orderDetails,
  orderPreparationStarted,
  orderReadyForPickup,
  orderRejected,
} from '../../domain/order.mothers';
import { toOrderView } from './order.view';

const stateAfter = (...events: Parameters<typeof orderDecider.evolve>[1][]) => events.reduce(orderDecider.evolve, orderDecider.initialState());

describe('order view', () => {
  it('shows a pending order with its priced lines, total and version', () => {
    expect(toOrderView(ORDER_ID, stateAfter(orderCreated), 1)).toEqual({
      orderId: ORDER_ID,
      state: 'APPROVAL_PENDING',
      consumerId: orderDetails.consumerId,
      restaurantId: orderDetails.restaurantId,
      lineItems: orderDetails.lineItems,
      orderTotalCents: 2997,
      version: 1,
    });
  });

  it('shows an approved order without a rejection reason', () => {
    const view = toOrderView(ORDER_ID, stateAfter(orderCreated, orderApproved), 2);
    expect(view).toMatchObject({ state: 'APPROVED', version: 2 });
    expect(view).not.toHaveProperty('rejectionReason');
  });

  it('shows why a rejected order was rejected', () => {
    expect(toOrderView(ORDER_ID, stateAfter(orderCreated, orderRejected('kitchen: closed')), 2)).toMatchObject({
      state: 'REJECTED',
      rejectionReason: 'kitchen: closed',
    });
  });

  it('shows the kitchen’s progress on an approved order, with its lines and total', () => {
    const preparing = toOrderView(ORDER_ID, stateAfter(orderCreated, orderApproved, orderPreparationStarted), 3);
    expect(preparing).toEqual({ ...toOrderView(ORDER_ID, stateAfter(orderCreated), 1), state: 'PREPARING', version: 3 });
    const ready = toOrderView(ORDER_ID, stateAfter(orderCreated, orderApproved, orderPreparationStarted, orderReadyForPickup), 4);
    expect(ready).toEqual({ ...preparing, state: 'READY_FOR_PICKUP', version: 4 });
  });

  it('refuses an unknown order as not found', () => {
    expect(() => toOrderView(ORDER_ID, orderDecider.initialState(), 0)).toThrow(expect.objectContaining({ code: OrderErrorCodes.NotFound }));
  });
});
